using System.Text.Json.Serialization;
using Claims.Domain.Calls;
using JasperFx.Core;

namespace Claims.Domain.Reconciliation;

public sealed record CallInfo(
    string Id, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants,
    IReadOnlyList<RelatedCall>? Related = null)
{
    /// <summary>The sides that took part, in the order of the participants.</summary>
    [JsonIgnore] public IReadOnlyList<string> PartySides => Participants.Select(p => p.Side).Distinct().ToList();
}

/// <summary>A later version of an account's text, as <see cref="AccountTextRevised"/> recorded it.</summary>
public sealed record TextRevision(
    AccountText Text, DateTimeOffset PublishedAt, string? TimePrecision, string Reason, DateTimeOffset RecordedAt, string? RecordedBy);

/// <summary>
/// An account as recorded. <paramref name="Text"/> is the text it was published with, if any; <paramref
/// name="Revisions"/> the later versions (see <see cref="TextVersions"/>).
/// </summary>
public sealed record AccountEntry(
    string Id, SourceRef Source, string Kind, DateTimeOffset PublishedAt, string? Language, string? Url, string? Title,
    DateTimeOffset RecordedAt, string? RecordedBy,
    string? TimePrecision = null, AccountText? Text = null, ArchiveCopy? Archive = null,
    IReadOnlyList<TextRevision>? Revisions = null)
{
    public AccountFacts ToFacts() => new(Id, Source.Id, Source.Side, Source.Kind, Kind, PublishedAt);

    /// <summary>Every version of the text, numbered from 1: the text published with the account, then each revision.</summary>
    public IReadOnlyList<TextVersion> TextVersions()
    {
        var versions = new List<TextVersion>();
        if (Text is not null)
            versions.Add(new TextVersion(1, Text, PublishedAt, TimePrecision ?? global::Claims.Domain.TimePrecision.Minute, null, RecordedAt, RecordedBy));
        foreach (var r in Revisions ?? [])
            versions.Add(new TextVersion(versions.Count + 1, r.Text, r.PublishedAt, r.TimePrecision ?? global::Claims.Domain.TimePrecision.Minute,
                r.Reason, r.RecordedAt, r.RecordedBy));
        return versions;
    }

    /// <summary>The text as it stands now (its latest version), or null when none was recorded.</summary>
    [JsonIgnore] public AccountText? CurrentText => Revisions is { Count: > 0 } revisions ? revisions[^1].Text : Text;

    [JsonIgnore] public int TextVersionCount => (Text is null ? 0 : 1) + (Revisions?.Count ?? 0);

    /// <summary>The versions published at or before <paramref name="publishedAsOf"/> (all without it).</summary>
    public IReadOnlyList<TextVersion> TextVersionsAsOf(DateTimeOffset? publishedAsOf) =>
        publishedAsOf is { } at ? TextVersions().Where(v => v.PublishedAt <= at).ToList() : TextVersions();
}

/// <summary>One version of an account's text. <paramref name="Reason"/> is null for the text the account was published with.</summary>
public sealed record TextVersion(
    int Number, AccountText Text, DateTimeOffset PublishedAt, string TimePrecision, string? Reason,
    DateTimeOffset RecordedAt, string? RecordedBy);

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
/// The read model of one call (document id = call id): everything recorded about it (the facts), and its findings
/// under the current rules (derived by <see cref="Derive"/> once per batch of events, in the projection, and stored
/// with it). <see cref="ReconciliationView"/> turns it into the API's answer.
/// </summary>
public class CallReconciliation
{
    public string Id { get; set; } = "";
    public CallInfo Call { get; set; } = null!;
    public List<AccountEntry> Accounts { get; set; } = [];
    public List<ClaimEntry> Claims { get; set; } = [];

    /// <summary>Every topic a claim of this call was ever on, including ones corrected away from.</summary>
    public List<string> TopicsEverSeen { get; set; } = [];

    /// <summary>Other calls this one names, in its related calls or its claims' relations: where links to it are looked up.</summary>
    public List<string> LinkedCalls { get; set; } = [];

    /// <summary>The topics as the rules find them, ranked (derived).</summary>
    public List<TopicVerdict> Topics { get; set; } = [];
    /// <summary>Party sides that published no readout (derived).</summary>
    public List<string> NoReadout { get; set; } = [];
    /// <summary>The version of the rules the findings were derived by; views stored by older rules need a rebuild.</summary>
    public int RulesVersion { get; set; }
    /// <summary>Live (not retracted) claims (derived).</summary>
    public int ClaimCount { get; set; }
    /// <summary>Topics with at least one discrepancy finding (derived).</summary>
    public int DiscrepancyCount { get; set; }

    /// <summary>
    /// The stream's version: the number of events this view has seen, counted by the projection. Marten's quick
    /// append does not tell an inline projection the version of an event appended to an existing stream, so the
    /// framework's own version stamping (which this attribute turns off) would store 0.
    /// </summary>
    [JasperFxIgnore]
    public long Version { get; set; }
    public DateTimeOffset LastRecordedAt { get; set; }

    private Dictionary<string, int>? _claimIndex;
    private ReconciliationView? _view;

    public AccountEntry? Account(string accountId) => Accounts.Find(a => a.Id == accountId);

    public ClaimEntry? Claim(string claimId) => ClaimIndex().TryGetValue(claimId, out var i) ? Claims[i] : null;

    public void AddClaim(ClaimEntry claim)
    {
        ClaimIndex()[claim.Id] = Claims.Count;
        Claims.Add(claim);
        Remember(claim.Content);
    }

    public void ReplaceClaim(ClaimEntry updated)
    {
        Claims[ClaimIndex()[updated.Id]] = updated;
        Remember(updated.Content);
    }

    // Claims are only ever added or replaced in place, so positions stay valid once indexed. A large call (a
    // 100,000-claim dossier) would otherwise search the list once per claim.
    private Dictionary<string, int> ClaimIndex()
    {
        if (_claimIndex is not null && _claimIndex.Count == Claims.Count) return _claimIndex;
        _claimIndex = new Dictionary<string, int>(Claims.Count, StringComparer.Ordinal);
        for (var i = 0; i < Claims.Count; i++) _claimIndex[Claims[i].Id] = i;
        return _claimIndex;
    }

    private void Remember(ClaimContent content)
    {
        if (!TopicsEverSeen.Contains(content.Topic)) TopicsEverSeen.Add(content.Topic);
        foreach (var relation in content.Relations ?? [])
            Link(relation.Claim[..Math.Max(0, relation.Claim.IndexOf('/'))]);
    }

    public void Link(string callId)
    {
        if (callId.Length > 0 && callId != Id && !LinkedCalls.Contains(callId)) LinkedCalls.Add(callId);
    }

    public IEnumerable<ClaimFacts> LiveClaimFacts(Func<AccountEntry, bool>? accountFilter = null)
    {
        var accounts = Accounts.Where(a => accountFilter?.Invoke(a) ?? true).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var claim in Claims)
        {
            if (claim.Retracted || !accounts.Contains(claim.AccountId)) continue;
            yield return new ClaimFacts(claim.Id, claim.AccountId, Account(claim.AccountId)!.Source.Id,
                claim.Content.Topic, claim.Content.Stance, claim.Content.Facet);
        }
    }

    /// <summary>The rules applied to the accounts that pass <paramref name="accountFilter"/> (all by default) and their live claims.</summary>
    public CallFindings Reconcile(Func<AccountEntry, bool>? accountFilter = null) =>
        Reconciler.Reconcile(Call.PartySides, Accounts.Where(a => accountFilter?.Invoke(a) ?? true).Select(a => a.ToFacts()), LiveClaimFacts(accountFilter));

    /// <summary>Re-derives the findings and counts from the facts. The projection calls it once per batch of events.</summary>
    public void Derive()
    {
        var findings = Reconcile();
        RulesVersion = Reconciler.RulesVersion;
        Topics = [.. findings.Topics];
        NoReadout = [.. findings.NoReadout];
        ClaimCount = Claims.Count(c => !c.Retracted);
        DiscrepancyCount = Topics.Count(t => t.IsDiscrepancy);
        _view = null;
    }

    /// <summary>
    /// The view as it stands now, built once per batch: the discrepancy index derives a row per topic and a record
    /// per source from one state. Two readers racing here each build the same complete view.
    /// </summary>
    public ReconciliationView CurrentView() => _view ??= ReconciliationView.From(this);
}
