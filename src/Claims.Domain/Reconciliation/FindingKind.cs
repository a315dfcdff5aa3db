namespace Claims.Domain.Reconciliation;

/// <summary>The kinds of finding of spec section 3, in the table's order: a topic's verdict is its first finding.</summary>
public static class FindingKind
{
    public const string Contradicted = "contradicted";
    public const string Omitted = "omitted";
    public const string Divergent = "divergent";
    public const string Corroborated = "corroborated";
    public const string Unconfirmed = "unconfirmed";
    public const string Denied = "denied";
    public const string OneSided = "one-sided";

    public static readonly string[] All = [Contradicted, Omitted, Divergent, Corroborated, Unconfirmed, Denied, OneSided];
    public static readonly string[] Discrepancies = [Contradicted, Omitted, Divergent];

    public static bool IsDiscrepancy(string kind) => kind is Contradicted or Omitted or Divergent;

    /// <summary>Position in <see cref="All"/>: discrepancies first, the most serious first.</summary>
    public static int Rank(string kind) => Array.IndexOf(All, kind);
}
