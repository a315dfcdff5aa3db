using Claims.Domain.Calls;

namespace Claims.Domain.Reconciliation;

/// <summary>What the rules need to know of an account: whose it is, that source's side and kind, its own kind and time.</summary>
public sealed record AccountFacts(string AccountId, string SourceId, string Side, string SourceKind, string Kind, DateTimeOffset PublishedAt);

/// <summary>What the rules need to know of a live (not retracted) claim. It counts for its account's source.</summary>
public sealed record ClaimFacts(string ClaimId, string AccountId, string SourceId, string Topic, string Stance, Facet? Facet);

/// <summary>One source's value for a facet key on a topic, with the claims that give it.</summary>
public sealed record FacetValue(string Source, string Side, string Value, IReadOnlyList<string> Claims);

/// <summary>All values given for one facet key on a topic, side by side.</summary>
public sealed record FacetComparison(string Key, bool Differs, IReadOnlyList<FacetValue> Values);

/// <summary>
/// One topic reconciled: its verdict (the first finding), every finding that holds, the sources that assert, deny
/// or stay silent (source ids, sorted), facet values side by side, and how many party sources speak to it (for ranking).
/// </summary>
public sealed record TopicVerdict(
    string Topic, string Verdict, IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Asserting, IReadOnlyList<string> Denying, IReadOnlyList<string> Silent,
    IReadOnlyList<FacetComparison> Facets, int PartySpeakers)
{
    public bool IsDiscrepancy => FindingKind.IsDiscrepancy(Verdict);
}

/// <summary>A call reconciled: its topics ranked, and the party sides that published no readout.</summary>
public sealed record CallFindings(IReadOnlyList<TopicVerdict> Topics, IReadOnlyList<string> NoReadout)
{
    public static readonly CallFindings None = new([], []);
}
