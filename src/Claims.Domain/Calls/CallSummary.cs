using Claims.Domain.Reconciliation;

namespace Claims.Domain.Calls;

/// <summary>
/// One row of the call list (document id = call id): what the call was, how many live claims it holds and how
/// many of its topics are discrepancies, tallied by verdict and by finding. It keeps the compact facts the rules
/// need, so it derives its counts on its own, independent of the larger <see cref="CallReconciliation"/>.
/// </summary>
public sealed class CallSummary
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateOnly Date { get; set; }
    public List<Participant> Participants { get; set; } = [];
    public List<RelatedCall> Related { get; set; } = [];

    public List<AccountFacts> AccountFacts { get; set; } = [];
    public List<ClaimFacts> LiveClaims { get; set; } = [];

    // Derived from the facts once per batch of events (see CallSummaryProjection).
    public int ClaimCount { get; set; }
    public int DiscrepancyCount { get; set; }
    public int AccountCount { get; set; }
    /// <summary>Topics by verdict (their first finding).</summary>
    public Dictionary<string, int> Verdicts { get; set; } = [];
    /// <summary>Topics having a finding of each kind (a topic omitted and divergent counts under both).</summary>
    public Dictionary<string, int> Findings { get; set; } = [];
    public List<string> NoReadout { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public List<string> Sources { get; set; } = [];
    public DateTimeOffset? FirstPublishedAt { get; set; }
    public DateTimeOffset? LastPublishedAt { get; set; }
    public DateTimeOffset LastRecordedAt { get; set; }

    public void Derive()
    {
        var findings = Reconciler.Reconcile(Participants.Select(p => p.Side).Distinct().ToList(), AccountFacts, LiveClaims);
        var topics = findings.Topics;
        ClaimCount = LiveClaims.Count;
        AccountCount = AccountFacts.Count;
        DiscrepancyCount = topics.Count(t => t.IsDiscrepancy);
        Verdicts = topics.GroupBy(t => t.Verdict).ToDictionary(g => g.Key, g => g.Count());
        Findings = topics.SelectMany(t => t.Findings.Select(f => f.Kind).Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        NoReadout = [.. findings.NoReadout];
        Topics = topics.Select(t => t.Topic).Order(StringComparer.Ordinal).ToList();
        Sources = AccountFacts.Select(a => a.SourceId).Distinct().Order(StringComparer.Ordinal).ToList();
        FirstPublishedAt = AccountFacts.Count == 0 ? null : AccountFacts.Min(a => a.PublishedAt);
        LastPublishedAt = AccountFacts.Count == 0 ? null : AccountFacts.Max(a => a.PublishedAt);
    }
}
