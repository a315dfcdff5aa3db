using Claims.Domain.Calls;

namespace Claims.Domain.Reconciliation;

public sealed record CallInfo(string Id, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants);

public sealed record AccountEntry(
    string Id, SourceRef Source, string Kind, DateTimeOffset PublishedAt, string? Language, string? Url, string? Title,
    DateTimeOffset RecordedAt, string? RecordedBy)
{
    public AccountFacts ToFacts() => new(Id, Source.Id, Source.Side, Kind, PublishedAt);
}

/// <summary>
/// A claim as it stands now: its latest content, how many versions it has, and whether it was retracted.
/// <paramref name="Original"/> is the content first recorded, kept only once a correction changed it (most claims are
/// never corrected, and a copy of each would make up a third of the stored view).
/// </summary>
public sealed record ClaimEntry(
    string Id, string AccountId, ClaimContent Content, ClaimContent? Original, int Version,
    DateTimeOffset RecordedAt, string? RecordedBy, DateTimeOffset LastChangedAt, string? LastChangedBy,
    bool Retracted = false, string? RetractionReason = null);

/// <summary>
/// The inline read model of one call (document id = call id): everything recorded about it, and the
/// verdict of every topic under the current rules. <see cref="ReconciliationView"/> turns it into the API's answer.
/// </summary>
public class CallReconciliation
{
    public string Id { get; set; } = "";
    public CallInfo Call { get; set; } = null!;
    public List<AccountEntry> Accounts { get; set; } = [];
    public List<ClaimEntry> Claims { get; set; } = [];
    /// <summary>The verdicts under the current rules, derived on the first read after a change (<see cref="Changed"/>).</summary>
    public List<TopicVerdict> Topics { get { Fresh(); return field; } set; } = [];

    /// <summary>Every topic a claim of this call was ever on, including ones corrected away from.</summary>
    public List<string> TopicsEverSeen { get; set; } = [];

    /// <summary>Live (not retracted) claims.</summary>
    public int ClaimCount { get { Fresh(); return field; } set; }
    public int DiscrepancyCount { get { Fresh(); return field; } set; }

    /// <summary>Stream version: the number of events this view has seen.</summary>
    public long Version { get; set; }
    public DateTimeOffset LastRecordedAt { get; set; }

    public void Remember(string topic)
    {
        if (!TopicsEverSeen.Contains(topic)) TopicsEverSeen.Add(topic);
    }

    public AccountEntry? Account(string accountId) => Accounts.Find(a => a.Id == accountId);
    public ClaimEntry? Claim(string claimId) => Claims.Find(c => c.Id == claimId);

    public IEnumerable<ClaimFacts> LiveClaimFacts(Func<AccountEntry, bool>? accountFilter = null)
    {
        var accounts = Accounts.Where(a => accountFilter?.Invoke(a) ?? true).ToDictionary(a => a.Id);
        foreach (var claim in Claims)
        {
            if (claim.Retracted || !accounts.TryGetValue(claim.AccountId, out var account)) continue;
            yield return new ClaimFacts(claim.Id, claim.AccountId, account.Source.Id, account.Source.Side,
                claim.Content.Topic, claim.Content.Stance, claim.Content.Facet);
        }
    }

    private readonly Staleness _staleness = new();
    private ReconciliationView? _view;

    /// <summary>Marks the verdicts and counts for re-deriving after a change to the accounts or claims.</summary>
    public void Changed()
    {
        _view = null;
        _staleness.Mark();
    }

    private void Fresh() => _staleness.Refresh(this, static call => call.Reconcile());

    /// <summary>
    /// The view as it stands now, built once per change: the discrepancy index derives a row per topic and a
    /// record per source from one state, and building the view for each of them was most of the index's CPU time.
    /// Two readers racing here build the same view; neither sees a stale one, because <see cref="Changed"/> runs
    /// before the state is handed on.
    /// </summary>
    public ReconciliationView CurrentView() => _view ??= ReconciliationView.From(this);

    /// <summary>Re-derives the verdicts and counts (through <see cref="Fresh"/> only).</summary>
    private void Reconcile()
    {
        var topics = Reconciler.Reconcile(Accounts.Select(a => a.ToFacts()), LiveClaimFacts()).ToList();
        Topics = topics;
        ClaimCount = Claims.Count(c => !c.Retracted);
        DiscrepancyCount = topics.Count(t => t.IsDiscrepancy);
    }
}
