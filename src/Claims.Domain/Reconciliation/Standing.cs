namespace Claims.Domain.Reconciliation;

/// <summary>
/// What a source's words are worth on one call (spec section 1): an official voice of a side that took part
/// (party), of a side that did not (third-party), or media and analysts whatever their side (independent).
/// Standing is derived per call, never stored with the source: the White House is a party to the Xi–Trump call
/// and a third party to a call between Beijing and Tokyo.
/// </summary>
public static class Standing
{
    public const string Party = "party";
    public const string ThirdParty = "third-party";
    public const string Independent = "independent";

    /// <summary>Party, then third-party, then independent: the order of the call page's columns.</summary>
    public static readonly string[] All = [Party, ThirdParty, Independent];

    public static string Of(string sourceKind, string side, IReadOnlyCollection<string> partySides) =>
        Vocabulary.IndependentSourceKinds.Contains(sourceKind) ? Independent
        : partySides.Contains(side) ? Party
        : ThirdParty;
}
