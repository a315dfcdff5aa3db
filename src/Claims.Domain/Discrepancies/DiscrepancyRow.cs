using System.Text.Json.Serialization;
using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;

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
    public DateTimeOffset LastRecordedAt { get; set; }

    /// <summary>Every source id named by the row, for filtering.</summary>
    public List<string> SourceIds { get; set; } = [];
    /// <summary>Every side named by the row, for filtering.</summary>
    public List<string> Sides { get; set; } = [];
    /// <summary>
    /// Statements, quotes, translations and speakers, lower-cased, for substring search in any script. Kept only in
    /// its own column (see ClaimsStore), not in the JSON document, which already holds the same text.
    /// </summary>
    [JsonIgnore]
    public string SearchText { get; set; } = "";
    /// <summary>
    /// What a two-character term is looked up in (trigram indexes cannot serve terms shorter than three characters):
    /// every two-character piece of <see cref="SearchText"/> with a character beyond ASCII, since two-character
    /// words are common in Chinese and Japanese (台湾, 高市); and every two-character word of ASCII letters and digits
    /// (eu, g7), whole: ASCII pairs inside longer words ("ne", "ut") would be most of the list and its index, and
    /// a search for "eu" that found "neutral" helps nobody. Kept only in its own column.
    /// </summary>
    [JsonIgnore]
    public List<string> SearchBigrams { get; set; } = [];

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
        var text = SearchTextOf(found.Claims);
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
            LastRecordedAt = call.LastRecordedAt,
            SourceIds = named,
            Sides = named.Select(id => sources[id].Side).Distinct().Order(StringComparer.Ordinal).ToList(),
            SearchText = text,
            SearchBigrams = Bigrams(text)
        };
    }

    public static List<string> Bigrams(string text)
    {
        var pieces = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            char a = text[i], b = text[i + 1];
            if ((a > 0x7F || b > 0x7F) && !char.IsWhiteSpace(a) && !char.IsWhiteSpace(b) && !char.IsLowSurrogate(a) && !char.IsHighSurrogate(b))
                pieces.Add(text.Substring(i, 2));
            else if (IsAsciiWord(a) && IsAsciiWord(b) && (i == 0 || !IsAsciiWord(text[i - 1])) && (i + 2 == text.Length || !IsAsciiWord(text[i + 2])))
                pieces.Add(text.Substring(i, 2));
        }
        return pieces.ToList();
    }

    /// <summary>Whether a two-character term is looked up in <see cref="SearchBigrams"/>: when it is a piece of itself.
    /// Other short terms ("5%") are plain substring scans.</summary>
    public static bool IsBigramTerm(string term) => term.Length == 2 && Bigrams(term).Contains(term);

    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Every discrepancy row of a call, straight from its state (what the index holds once it has caught up).</summary>
    public static IEnumerable<DiscrepancyRow> AllOf(CallReconciliation call) =>
        call.Topics.Where(t => t.IsDiscrepancy).Select(t => From(call, t.Topic)).OfType<DiscrepancyRow>();

    public static string SearchTextOf(IEnumerable<ClaimView> claims) =>
        string.Join("\n", claims.SelectMany(c => new[] { c.Statement, c.Quote?.Text, c.Quote?.Translation, c.Speaker })
            .OfType<string>()).ToLowerInvariant();
}
