using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;

namespace Claims.Domain.Search;

/// <summary>A translation of an account's text, as a search entry keeps it.</summary>
public sealed record SearchTranslation(string Language, string Text, string By);

/// <summary>A claim as a topic's search entry keeps it: what is searched, and what a result shows.</summary>
public sealed record SearchClaim(
    string Id, string Account, string AccountKind, string Source, string SourceName, string Side, DateTimeOffset PublishedAt,
    string TimePrecision, string Stance, string Statement, string? Speaker, QuoteView? Quote)
{
    /// <summary>The fields searched, named as results say where a term matched.</summary>
    public IEnumerable<(string Field, string Text)> Fields()
    {
        yield return ("statement", Statement);
        if (Quote is not null) yield return ("quote", Quote.Text);
        if (Quote?.Translation is { } translation) yield return ("translation", translation);
        if (Speaker is not null) yield return ("speaker", Speaker);
    }
}

/// <summary>
/// One thing a search can find: a topic of a call with every live claim on it (document id <c>{callId}/{topic}</c>,
/// the id of the topic's discrepancy row when it has one), or an account's text as it stands (<c>{callId}/account/{accountId}</c>).
/// One entry per topic rather than per claim keeps the index a third as many rows, and a result names the topic the
/// way the call's page and the discrepancy index do; the claims that matched are found in the entry (<see cref="SearchHit"/>).
/// The discrepancy index's text filter is this index's, joined on the id.
/// </summary>
public sealed class SearchEntry
{
    public const string TopicKind = "topic";
    public const string AccountKind = "account";

    public string Id { get; set; } = "";
    /// <summary><c>topic</c> or <c>account</c>.</summary>
    public string Kind { get; set; } = "";
    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public DateOnly CallDate { get; set; }
    /// <summary>Newest call first; within a call its topics, then its accounts' texts.</summary>
    public string SortKey { get; set; } = "";

    /// <summary>The topic, or the topics of the account's claims.</summary>
    public List<string> Topics { get; set; } = [];
    /// <summary>The kinds of the topic's findings (for an account, of the findings that name its source).</summary>
    public List<string> FindingKinds { get; set; } = [];
    /// <summary>The sources of the topic's claims, or the account's source.</summary>
    public List<string> SourceIds { get; set; } = [];
    public List<string> Sides { get; set; } = [];

    // A topic: its verdict and its live claims.
    public string? Topic { get; set; }
    public string? Verdict { get; set; }
    public List<SearchClaim>? Claims { get; set; }

    // An account's text as it stands (its latest version).
    public string? AccountId { get; set; }
    public string? AccountKindName { get; set; }
    public string? AccountTitle { get; set; }
    public string? SourceName { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? TimePrecision { get; set; }
    public string? Language { get; set; }
    public int? TextVersion { get; set; }
    public bool Excerpt { get; set; }
    public string? Text { get; set; }
    public List<SearchTranslation>? Translations { get; set; }

    /// <summary>What is searched, folded (see <see cref="SearchKeys"/>). Kept only in its own column.</summary>
    [JsonIgnore] public string SearchText { get; set; } = "";
    /// <summary>Two-character pieces of <see cref="SearchText"/>. Kept only in its own column.</summary>
    [JsonIgnore] public List<string> SearchBigrams { get; set; } = [];

    /// <summary>An account entry's fields searched, named as results say where a term matched.</summary>
    public IEnumerable<(string Field, string Text)> TextFields()
    {
        if (Text is not null) yield return ("text", Text);
        foreach (var t in Translations ?? []) yield return ($"translation:{t.Language}", t.Text);
    }

    public static string AccountEntryId(string callId, string accountId) => $"{callId}/{AccountKind}/{accountId}";

    /// <summary>Every entry a call has or had: a topic no claim is on any longer is listed so that its entry is deleted.</summary>
    public static string[] IdsOf(CallReconciliation call) =>
        [.. call.TopicsEverSeen.Select(t => DiscrepancyRow.RowId(call.Id, t)), .. call.Accounts.Select(a => AccountEntryId(call.Id, a.Id))];

    // Built once per state of a call (its current view), however many entries the projection asks for.
    private static readonly ConditionalWeakTable<ReconciliationView, Dictionary<string, SearchEntry>> Built = new();

    /// <summary>The entry with this id as the call stands, or null when it has none (a topic no live claim is on, an account without text).</summary>
    public static SearchEntry? Of(CallReconciliation call, string id) =>
        Built.GetValue(call.CurrentView(), view => Build(call, view)).GetValueOrDefault(id);

    public static Dictionary<string, SearchEntry> Build(CallReconciliation call, ReconciliationView view)
    {
        var entries = new Dictionary<string, SearchEntry>(StringComparer.Ordinal);
        var sources = view.Sources.ToDictionary(s => s.Id);
        var accounts = view.Accounts.ToDictionary(a => a.Id);
        var dateKey = DiscrepancyRow.SortKeyAt(call.Call.Date);

        foreach (var topic in view.Topics)
        {
            var claims = topic.Claims.Select(c => new SearchClaim(c.Id, c.Account, c.AccountKind, c.Source, sources[c.Source].Name, c.Side,
                c.PublishedAt, c.TimePrecision, c.Stance, c.Statement, c.Speaker, c.Quote)).ToList();
            var entry = new SearchEntry
            {
                Id = DiscrepancyRow.RowId(call.Id, topic.Topic), Kind = TopicKind, CallId = call.Id, CallTitle = call.Call.Title,
                CallDate = call.Call.Date, SortKey = DiscrepancyRow.SortKeyOf(call.Call.Date, call.Id, topic.Topic),
                Topics = [topic.Topic], Topic = topic.Topic, Verdict = topic.Verdict,
                FindingKinds = topic.Findings.Select(f => f.Kind).Distinct().ToList(),
                SourceIds = claims.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal).ToList(),
                Sides = claims.Select(c => c.Side).Distinct().Order(StringComparer.Ordinal).ToList(),
                Claims = claims
            };
            entries[entry.Id] = Keyed(entry, claims.SelectMany(c => c.Fields()).Select(f => f.Text));
        }

        foreach (var account in view.Accounts)
        {
            if (call.Account(account.Id)?.CurrentText is not { } text) continue;
            var source = sources[account.Source];
            var topics = view.Topics.Where(t => t.Claims.Any(c => c.Account == account.Id)).ToList();
            var named = view.Topics.SelectMany(t => t.Findings).Where(f => f.Named.Contains(account.Source));
            var entry = new SearchEntry
            {
                Id = AccountEntryId(call.Id, account.Id), Kind = AccountKind, CallId = call.Id, CallTitle = call.Call.Title,
                CallDate = call.Call.Date,
                // "~" sorts after every topic's slug: a call's texts come after its topics.
                SortKey = $"{dateKey} {call.Id} ~{account.Id}",
                Topics = topics.Select(t => t.Topic).ToList(), FindingKinds = named.Select(f => f.Kind).Distinct().ToList(),
                SourceIds = [source.Id], Sides = [source.Side],
                AccountId = account.Id, AccountKindName = account.Kind, AccountTitle = account.Title, SourceName = source.Name,
                PublishedAt = account.PublishedAt, TimePrecision = account.TimePrecision, Language = account.Language,
                TextVersion = account.TextVersions, Excerpt = text.Excerpt, Text = text.Original,
                Translations = text.Translations.Count > 0 ? text.Translations.Select(t => new SearchTranslation(t.Language, t.Text, t.By)).ToList() : null
            };
            entries[entry.Id] = Keyed(entry, entry.TextFields().Select(f => f.Text));
        }
        return entries;
    }

    private static SearchEntry Keyed(SearchEntry entry, IEnumerable<string> fields)
    {
        entry.SearchText = SearchKeys.TextOf(fields);
        entry.SearchBigrams = SearchKeys.Bigrams(entry.SearchText);
        return entry;
    }
}
