using Claims.Domain.Reconciliation;

namespace Claims.Domain.Calls;

/// <summary>
/// One row of the call list (document id = call id): what the call was, how many live claims it holds and how
/// many of its topics are discrepancies, tallied by verdict. It keeps the compact facts the rules need so it
/// can re-derive its counts on its own, independent of the larger <see cref="CallReconciliation"/>.
/// </summary>
public sealed class CallSummary
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateOnly Date { get; set; }
    public List<Participant> Participants { get; set; } = [];

    // Derived from the facts below on the first read after a change (see Staleness).
    public int ClaimCount { get { Fresh(); return field; } set; }
    public int DiscrepancyCount { get { Fresh(); return field; } set; }
    public int AccountCount { get { Fresh(); return field; } set; }
    public Dictionary<string, int> Verdicts { get { Fresh(); return field; } set; } = [];
    public List<string> Topics { get { Fresh(); return field; } set; } = [];
    public List<string> Sources { get { Fresh(); return field; } set; } = [];
    public DateTimeOffset? FirstPublishedAt { get { Fresh(); return field; } set; }
    public DateTimeOffset? LastPublishedAt { get { Fresh(); return field; } set; }
    public DateTimeOffset LastRecordedAt { get; set; }

    public List<AccountFacts> AccountFacts { get; set; } = [];
    public List<ClaimFacts> LiveClaims { get; set; } = [];

    private readonly Staleness _staleness = new();

    /// <summary>Marks the counts for re-deriving after a change to the facts.</summary>
    public void Changed() => _staleness.Mark();

    private void Fresh() => _staleness.Refresh(this, static summary => summary.Reconcile());

    private void Reconcile()
    {
        var topics = Reconciler.Reconcile(AccountFacts, LiveClaims);
        ClaimCount = LiveClaims.Count;
        AccountCount = AccountFacts.Count;
        DiscrepancyCount = topics.Count(t => t.IsDiscrepancy);
        Verdicts = topics.GroupBy(t => t.Verdict).ToDictionary(g => g.Key, g => g.Count());
        Topics = topics.Select(t => t.Topic).Order(StringComparer.Ordinal).ToList();
        Sources = AccountFacts.Select(a => a.SourceId).Distinct().Order(StringComparer.Ordinal).ToList();
        FirstPublishedAt = AccountFacts.Count == 0 ? null : AccountFacts.Min(a => a.PublishedAt);
        LastPublishedAt = AccountFacts.Count == 0 ? null : AccountFacts.Max(a => a.PublishedAt);
    }
}
