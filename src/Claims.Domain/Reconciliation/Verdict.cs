namespace Claims.Domain.Reconciliation;

/// <summary>The verdicts of spec section 3, in the order they are tried.</summary>
public static class Verdict
{
    public const string Contradicted = "contradicted";
    public const string Omitted = "omitted";
    public const string Divergent = "divergent";
    public const string Corroborated = "corroborated";
    public const string Denied = "denied";
    public const string SingleSided = "single-sided";

    public static readonly string[] All = [Contradicted, Omitted, Divergent, Corroborated, Denied, SingleSided];

    public static bool IsDiscrepancy(string verdict) =>
        verdict is Contradicted or Omitted or Divergent;

    /// <summary>Position in <see cref="All"/>: discrepancies first, the most serious first.</summary>
    public static int Rank(string verdict) => Array.IndexOf(All, verdict);
}
