using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;

namespace Claims.Domain.Discrepancies;

/// <summary>A source as a discrepancy row names it.</summary>
public sealed record RowSource(string Id, string Name, string Side, string Kind, string Standing);

/// <summary>
/// One row of the cross-call discrepancy index (document id <c>{callId}/{topic}</c>): a topic of a call with a
/// contradicted, omitted or divergent finding, with every finding and everything a fact-checker needs to cite it.
/// </summary>
public sealed class DiscrepancyRow
{
    public string Id { get; set; } = "";
    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public string CallKind { get; set; } = "";
    public DateOnly CallDate { get; set; }
    public List<Participant> Participants { get; set; } = [];
    public string Topic { get; set; } = "";
    /// <summary>The first finding's kind.</summary>
    public string Verdict { get; set; } = "";
    public List<Finding> Findings { get; set; } = [];
    /// <summary>The kinds of every finding, for filtering: a topic omitted and divergent is found by either.</summary>
    public List<string> FindingKinds { get; set; } = [];
    public List<RowSource> Asserting { get; set; } = [];
    public List<RowSource> Denying { get; set; } = [];
    public List<RowSource> Silent { get; set; } = [];
    public List<FacetComparison> Facets { get; set; } = [];
    public List<ClaimView> Claims { get; set; } = [];
    /// <summary>When the evidence on the topic was last recorded (see <see cref="EvidenceRecordedAt"/>).</summary>
    public DateTimeOffset LastRecordedAt { get; set; }

    /// <summary>Every source id named by the row, for filtering.</summary>
    public List<string> SourceIds { get; set; } = [];
    /// <summary>Every side named by the row, for filtering.</summary>
    public List<string> Sides { get; set; } = [];
    /// <summary>Newest call first, then call and topic in order: one indexed column, so a page is a short index scan.</summary>
    public string SortKey { get; set; } = "";

    public static string RowId(string callId, string topic) => $"{callId}/{topic}";

    public static string SortKeyOf(DateOnly date, string callId, string topic) =>
        $"{SortKeyAt(date)} {callId} {topic}";   // a space sorts before any slug character

    /// <summary>Every row of a call on this date or earlier sorts at or after this key.</summary>
    public static string SortKeyAt(DateOnly date) => $"{DateOnly.MaxValue.DayNumber - date.DayNumber:D7}";

    /// <summary>Every row of a call on this date or later sorts before this key.</summary>
    public static string SortKeyBefore(DateOnly date) => $"{DateOnly.MaxValue.DayNumber - date.DayNumber + 1:D7}";

    /// <summary>The row for one topic of a call, or null when that topic is not (or no longer) a discrepancy.</summary>
    public static DiscrepancyRow? From(CallReconciliation call, string topic)
    {
        var view = call.CurrentView();
        if (view.Topics.FirstOrDefault(t => t.Topic == topic) is not { Discrepancy: true } found) return null;
        var sources = view.Sources.ToDictionary(s => s.Id, s => new RowSource(s.Id, s.Name, s.Side, s.Kind, s.Standing));
        List<RowSource> Named(IEnumerable<string> ids) => ids.Select(id => sources[id]).ToList();

        var named = found.Asserting.Concat(found.Denying).Concat(found.Silent).Concat(found.Findings.SelectMany(f => f.Named)).Distinct().ToList();
        return new DiscrepancyRow
        {
            Id = RowId(call.Id, topic),
            CallId = call.Id,
            CallTitle = call.Call.Title,
            CallKind = call.Call.Kind,
            CallDate = call.Call.Date,
            Participants = call.Call.Participants.ToList(),
            Topic = topic,
            SortKey = SortKeyOf(call.Call.Date, call.Id, topic),
            Verdict = found.Verdict,
            Findings = found.Findings.ToList(),
            FindingKinds = found.Findings.Select(f => f.Kind).Distinct().ToList(),
            Asserting = Named(found.Asserting),
            Denying = Named(found.Denying),
            Silent = Named(found.Silent),
            Facets = found.Facets.ToList(),
            Claims = found.Claims.ToList(),
            LastRecordedAt = EvidenceRecordedAt(call, topic),
            SourceIds = named,
            Sides = named.Select(id => sources[id].Side).Distinct().Order(StringComparer.Ordinal).ToList()
        };
    }

    // Worked out once per state of a call (its current view), however many rows the projection asks for.
    private static readonly ConditionalWeakTable<ReconciliationView, Dictionary<string, DateTimeOffset>> RecordedByTopic = new();

    /// <summary>
    /// When the evidence on a topic was last recorded: its claims recorded, corrected or retracted (a claim corrected
    /// away from the topic still counts for it through its first content), and the call's accounts published or
    /// revised (they decide who is silent). It is read from the call's state alone, so a row replayed from the events
    /// has the instant of the row kept live, and a change to another topic leaves this row as stored.
    /// </summary>
    public static DateTimeOffset EvidenceRecordedAt(CallReconciliation call, string topic)
    {
        var byTopic = RecordedByTopic.GetValue(call.CurrentView(), _ =>
        {
            var accounts = call.Accounts.SelectMany(a => (a.Revisions ?? []).Select(r => r.RecordedAt).Append(a.RecordedAt))
                .DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            void Note(string t, DateTimeOffset at) => latest[t] = latest.TryGetValue(t, out var known) && known > at ? known : at;
            foreach (var claim in call.Claims)
            {
                Note(claim.Content.Topic, claim.LastChangedAt);
                if (claim.Original is { } original && original.Topic != claim.Content.Topic) Note(original.Topic, claim.LastChangedAt);
            }
            foreach (var t in latest.Keys.ToList()) Note(t, accounts);
            return latest;
        });
        return byTopic.GetValueOrDefault(topic, call.LastRecordedAt);
    }

    /// <summary>Every discrepancy row of a call, straight from its state (what the index holds once it has caught up).</summary>
    public static IEnumerable<DiscrepancyRow> AllOf(CallReconciliation call) =>
        call.Topics.Where(t => t.IsDiscrepancy).Select(t => From(call, t.Topic)).OfType<DiscrepancyRow>();

    /// <summary>What a search finds a row by when the index is not at hand (the command line's offline path): its claims' words, folded.</summary>
    public string SearchTextOf() =>
        SearchKeys.TextOf(Claims.SelectMany(c => new[] { c.Statement, c.Quote?.Text, c.Quote?.Translation, c.Speaker }));
}
