using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;

namespace Claims.Domain.Search;

/// <summary>A translation of an account's text, as a search entry keeps it.</summary>
public sealed record SearchTranslation(string Language, string Text, string By);

/// <summary>
/// One thing a search can find (document id <c>{callId}/claim/{claimId}</c> or <c>{callId}/account/{accountId}</c>):
/// every live claim (statement, quote, translation, speaker, topic) and every account's text as it stands, with the
/// filters of the discrepancy index (topic, finding kinds, source, side, date) and what a result shows.
/// </summary>
public sealed class SearchEntry
{
    public const string ClaimKind = "claim";
    public const string AccountKind = "account";

    public string Id { get; set; } = "";
    /// <summary><c>claim</c> or <c>account</c>.</summary>
    public string Kind { get; set; } = "";
    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public DateOnly CallDate { get; set; }
    /// <summary>Newest call first; within a call its accounts, then its claims by topic.</summary>
    public string SortKey { get; set; } = "";

    public string? ClaimId { get; set; }
    /// <summary>The claim's account, or the account itself.</summary>
    public string AccountId { get; set; } = "";
    public string AccountKindName { get; set; } = "";
    public string? AccountTitle { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string TimePrecision { get; set; } = Domain.TimePrecision.Minute;
    public string Source { get; set; } = "";
    public string SourceName { get; set; } = "";
    public string Side { get; set; } = "";

    /// <summary>The claim's topic, or the topics of the account's claims.</summary>
    public List<string> Topics { get; set; } = [];
    /// <summary>The kinds of finding of those topics (for an account, the ones that name its source).</summary>
    public List<string> FindingKinds { get; set; } = [];
    /// <summary>A claim's topic's verdict.</summary>
    public string? Verdict { get; set; }

    // A claim's words.
    public string? Stance { get; set; }
    public string? Statement { get; set; }
    public string? Speaker { get; set; }
    public QuoteView? Quote { get; set; }

    // An account's text as it stands (its latest version).
    public string? Language { get; set; }
    public int? TextVersion { get; set; }
    public bool Excerpt { get; set; }
    public string? Text { get; set; }
    public List<SearchTranslation>? Translations { get; set; }

    /// <summary>What is searched, folded (see <see cref="SearchKeys"/>). Kept only in its own column.</summary>
    [JsonIgnore] public string SearchText { get; set; } = "";
    /// <summary>Two-character pieces of <see cref="SearchText"/>. Kept only in its own column.</summary>
    [JsonIgnore] public List<string> SearchBigrams { get; set; } = [];

    /// <summary>The fields searched, named as results say where a term matched.</summary>
    public IEnumerable<(string Field, string Text)> Fields()
    {
        if (Kind == ClaimKind)
        {
            if (Statement is not null) yield return ("statement", Statement);
            if (Quote is not null) yield return ("quote", Quote.Text);
            if (Quote?.Translation is { } translation) yield return ("translation", translation);
            if (Speaker is not null) yield return ("speaker", Speaker);
        }
        else
        {
            if (Text is not null) yield return ("text", Text);
            foreach (var t in Translations ?? []) yield return ($"translation:{t.Language}", t.Text);
        }
    }

    public static string ClaimEntryId(string callId, string claimId) => $"{callId}/{ClaimKind}/{claimId}";
    public static string AccountEntryId(string callId, string accountId) => $"{callId}/{AccountKind}/{accountId}";

    /// <summary>Every entry a call has or had: a retracted claim's id is listed so that its entry is deleted.</summary>
    public static string[] IdsOf(CallReconciliation call) =>
        [.. call.Accounts.Select(a => AccountEntryId(call.Id, a.Id)), .. call.Claims.Select(c => ClaimEntryId(call.Id, c.Id))];

    // Built once per state of a call (its current view), however many entries the projection asks for.
    private static readonly ConditionalWeakTable<ReconciliationView, Dictionary<string, SearchEntry>> Built = new();

    /// <summary>The entry with this id as the call stands, or null when it has none (a retracted claim, an account without text).</summary>
    public static SearchEntry? Of(CallReconciliation call, string id) =>
        Built.GetValue(call.CurrentView(), view => Build(call, view)).GetValueOrDefault(id);

    public static Dictionary<string, SearchEntry> Build(CallReconciliation call, ReconciliationView view)
    {
        var entries = new Dictionary<string, SearchEntry>(StringComparer.Ordinal);
        var sources = view.Sources.ToDictionary(s => s.Id);
        var accounts = view.Accounts.ToDictionary(a => a.Id);
        var dateKey = DiscrepancyRow.SortKeyAt(call.Call.Date);

        SearchEntry Base(string id, string kind, AccountView account, string sortKey)
        {
            var source = sources[account.Source];
            return new SearchEntry
            {
                Id = id, Kind = kind, CallId = call.Id, CallTitle = call.Call.Title, CallDate = call.Call.Date,
                SortKey = $"{dateKey} {call.Id} {sortKey}", AccountId = account.Id, AccountKindName = account.Kind,
                AccountTitle = account.Title, PublishedAt = account.PublishedAt, TimePrecision = account.TimePrecision,
                Source = source.Id, SourceName = source.Name, Side = source.Side
            };
        }

        foreach (var topic in view.Topics)
        {
            var kinds = topic.Findings.Select(f => f.Kind).Distinct().ToList();
            foreach (var claim in topic.Claims)
            {
                var entry = Base(ClaimEntryId(call.Id, claim.Id), ClaimKind, accounts[claim.Account], $"c {topic.Topic} {claim.Id}");
                entry.ClaimId = claim.Id;
                entry.Topics = [topic.Topic];
                entry.FindingKinds = kinds;
                entry.Verdict = topic.Verdict;
                entry.Stance = claim.Stance;
                entry.Statement = claim.Statement;
                entry.Speaker = claim.Speaker;
                entry.Quote = claim.Quote;
                entries[entry.Id] = Keyed(entry);
            }
        }

        foreach (var account in view.Accounts)
        {
            if (call.Account(account.Id)?.CurrentText is not { } text) continue;
            var entry = Base(AccountEntryId(call.Id, account.Id), AccountKind, account, $"a {account.Id}");
            var named = view.Topics.Where(t => t.Claims.Any(c => c.Account == account.Id)
                                               || t.Silent.Contains(account.Source) || t.Asserting.Contains(account.Source) || t.Denying.Contains(account.Source))
                .ToList();
            entry.Topics = view.Topics.Where(t => t.Claims.Any(c => c.Account == account.Id)).Select(t => t.Topic).ToList();
            entry.FindingKinds = named.SelectMany(t => t.Findings.Where(f => f.Named.Contains(account.Source)).Select(f => f.Kind)).Distinct().ToList();
            entry.Language = account.Language;
            entry.TextVersion = account.TextVersions;
            entry.Excerpt = text.Excerpt;
            entry.Text = text.Original;
            entry.Translations = text.Translations.Count > 0 ? text.Translations.Select(t => new SearchTranslation(t.Language, t.Text, t.By)).ToList() : null;
            entries[entry.Id] = Keyed(entry);
        }
        return entries;
    }

    private static SearchEntry Keyed(SearchEntry entry)
    {
        entry.SearchText = SearchKeys.TextOf(entry.Fields().Select(f => f.Text));
        entry.SearchBigrams = SearchKeys.Bigrams(entry.SearchText);
        return entry;
    }
}
