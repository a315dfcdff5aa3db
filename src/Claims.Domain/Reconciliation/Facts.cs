using Claims.Domain.Calls;

namespace Claims.Domain.Reconciliation;

/// <summary>What the rules need to know of an account.</summary>
public sealed record AccountFacts(string AccountId, string SourceId, string Side, string Kind, DateTimeOffset PublishedAt);

/// <summary>What the rules need to know of a live (not retracted) claim.</summary>
public sealed record ClaimFacts(string ClaimId, string AccountId, string SourceId, string Side, string Topic, string Stance, Facet? Facet);

/// <summary>One source's value for a facet key on a topic.</summary>
public sealed record FacetValue(string Source, string Side, string Value, IReadOnlyList<string> Claims);

/// <summary>All values given for one facet key on a topic, side by side.</summary>
public sealed record FacetComparison(string Key, bool Differs, IReadOnlyList<FacetValue> Values);

/// <summary>The verdict for one topic, with the sources that decide it (source ids, sorted).</summary>
public sealed record TopicVerdict(
    string Topic, string Verdict,
    IReadOnlyList<string> Asserting, IReadOnlyList<string> Denying, IReadOnlyList<string> Silent,
    IReadOnlyList<FacetComparison> Facets)
{
    public bool IsDiscrepancy => Reconciliation.Verdict.IsDiscrepancy(Verdict);
}
