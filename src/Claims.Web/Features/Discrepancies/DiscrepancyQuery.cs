using Claims.Domain;
using Claims.Domain.Discrepancies;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Search;
using Claims.Domain.Texts;
using Marten;
using Marten.Linq;
using System.Linq.Expressions;

namespace Claims.Web.Features.Discrepancies;

/// <summary>The fact-checkers' filters over the discrepancy index, shared by the API, the CSV export and the command line.</summary>
public sealed record DiscrepancyQuery(
    string? Topic = null, IReadOnlyList<string>? Verdicts = null, string? Source = null, string? Side = null,
    DateOnly? From = null, DateOnly? To = null, string? Text = null, int Page = 1, int PageSize = DiscrepancyQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    /// <summary>Deep enough for any index (500 million rows at the largest page size), and the row offset stays a whole number.</summary>
    public const int MaxPage = 1_000_000;
    public const int MaxTextLength = 200;
    /// <summary>Reads and checks the filters; every bad one is a problem named by its query parameter.</summary>
    /// <param name="anyFinding">Whether every kind of finding may be filtered by (search), not only the discrepancies.</param>
    public static (DiscrepancyQuery? Query, List<Problem> Problems) Parse(
        string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? q, string? page, string? pageSize,
        bool anyFinding = false)
    {
        var problems = new List<Problem>();
        var verdicts = (verdict ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        foreach (var v in verdicts.Where(v => anyFinding ? !FindingKind.All.Contains(v) : !FindingKind.IsDiscrepancy(v)))
            problems.Add(new Problem("$.query.verdict", anyFinding
                ? $"\"{Clip(v)}\" is not a kind of finding: {string.Join(", ", FindingKind.All)}"
                : $"\"{Clip(v)}\" is not a kind of discrepancy finding: contradicted, omitted or divergent"));
        if (topic is { Length: > 0 } && !Slug.IsValid(topic))
            problems.Add(new Problem("$.query.topic", $"\"{topic}\" is not a topic slug (lower-case words joined by hyphens, such as taiwan or rare-earths)"));
        if (source is { Length: > 0 } && !Slug.IsValid(source))
            problems.Add(new Problem("$.query.source", $"\"{source}\" is not a source id (lower-case words joined by hyphens, such as white-house)"));
        if (side is { Length: > 0 } && !Slug.IsSide(side))
            problems.Add(new Problem("$.query.side", $"\"{side}\" is not a side: an ISO 3166 alpha-2 code in capitals (CN, US, JP) or XX"));
        var fromDate = Date(from, "from", problems);
        var toDate = Date(to, "to", problems);
        if (fromDate > toDate) problems.Add(new Problem("$.query.to", $"{to} is before from ({from})"));
        if (q is { Length: > MaxTextLength })
            problems.Add(new Problem("$.query.q", $"is {q.Length} characters long; at most {MaxTextLength} are allowed"));
        var pageNumber = Number(page, "page", 1, 1, MaxPage, problems);
        var size = Number(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, problems);

        return problems.Count > 0
            ? (null, problems)
            : (new DiscrepancyQuery(Blank(topic), verdicts, Blank(source), Blank(side), fromDate, toDate, Blank(q?.Trim()), pageNumber, size), problems);
    }

    /// <summary>
    /// Newest call first; within a call by topic, so paging is stable. Works on the index (SQL over its duplicated
    /// columns) and on rows built in memory (the command line's offline path).
    /// </summary>
    /// <param name="searchTable">The search index's table (<see cref="SearchTableOf"/>), which a text filter reads; none for rows in memory.</param>
    public IQueryable<DiscrepancyRow> Apply(IQueryable<DiscrepancyRow> rows, string? searchTable = null) => Filter(rows, searchTable).OrderBy(r => r.SortKey);

    /// <summary>The search index's table in a session's schema (Marten names a document's table mt_doc_{type name}).</summary>
    public static string SearchTableOf(IQuerySession session) =>
        $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_{nameof(SearchEntry).ToLowerInvariant()}";

    /// <summary>The filters alone, unordered: what a count needs.</summary>
    private IQueryable<DiscrepancyRow> Filter(IQueryable<DiscrepancyRow> rows, string? searchTable)
    {
        var inMemory = rows is EnumerableQuery;

        // Containment on a duplicated array column (see ClaimsStore), written as @> so its GIN index serves it:
        // LINQ's Contains on such a column becomes = ANY(...), which no index serves.
        IQueryable<DiscrepancyRow> Having(IQueryable<DiscrepancyRow> q, Func<DiscrepancyRow, List<string>> list, string column, string value) =>
            inMemory ? q.Where(r => list(r).Contains(value)) : q.WhereSql($"d.{column} @> array[?]::text[]", value);

        if (Topic is not null) rows = rows.WhereCompared(r => r.Topic, ExpressionType.Equal, Topic);
        // A topic matches a verdict filter by any of its findings: ?verdict=divergent finds a topic omitted and divergent.
        if (Verdicts is { Count: > 0 })
        {
            var kinds = Verdicts.ToArray();
            var sql = $"d.finding_kinds && array[{string.Join(", ", kinds.Select(_ => "?"))}]::text[]";
            rows = inMemory ? rows.Where(r => r.FindingKinds.Any(k => kinds.Contains(k))) : rows.WhereSql(sql, kinds.Cast<object>().ToArray());
        }
        if (Source is not null) rows = Having(rows, r => r.SourceIds, "source_ids", Source);
        if (Side is not null) rows = Having(rows, r => r.Sides, "sides", Side);
        // Dates as a range of the sort key, which starts with the call's date: a page of one year is then a short
        // scan of the key's index, not every row of that year read and sorted (84 ms at a million claims).
        IQueryable<DiscrepancyRow> KeyIs(IQueryable<DiscrepancyRow> q, string op, Func<int, bool> holds, string key) =>
            inMemory ? q.Where(r => holds(string.CompareOrdinal(r.SortKey, key))) : q.WhereSql($"d.sort_key {op} ?", key);

        if (From is { } from) rows = KeyIs(rows, "<", c => c < 0, DiscrepancyRow.SortKeyBefore(from));
        if (To is { } to) rows = KeyIs(rows, ">=", c => c >= 0, DiscrepancyRow.SortKeyAt(to));
        if (Text is not null)
        {
            // Rows whose topic entry in the search index holds the folded term, or whose topic the term names (TopicLabels).
            var term = FoldedText.Fold(Text, Folding.Search);
            var topics = TopicLabels.Active.TopicsNamedBy(Text).ToArray();
            if (inMemory)
            {
                // As the index matches: a two-character term as a piece (whole ASCII words), anything longer as a substring.
                var piece = SearchKeys.IsBigramTerm(term);
                rows = rows.Where(r => (term.Length > 0 && (piece ? SearchKeys.Bigrams(r.SearchTextOf()).Contains(term) : r.SearchTextOf().Contains(term)))
                                       || topics.Contains(r.Topic));
            }
            else
            {
                var (sql, parameters) = TextMatch.Sql(term, topics, "s.topics && ?::text[]", "s");
                // The entries of discrepancy topics only (their finding kinds' index narrows the text match before
                // PostgreSQL rechecks each entry's text); their ids are the discrepancy rows' ids.
                object[] all = [FindingKind.Discrepancies, .. parameters];
                rows = rows.WhereSql($"d.id in (select s.id from {searchTable} s where s.finding_kinds && ?::text[] and {sql})", all);
            }
        }
        return rows;
    }

    /// <summary>
    /// One page and the total, as two index-friendly queries: a single query with a window count would read
    /// every matching row before the page could be cut. The total is exact up to <paramref name="countLimit"/>
    /// matches, or to the end of the page asked for when that is further; past it the answer says "more than".
    /// </summary>
    public async Task<DiscrepancyResults> RunAsync(IQuerySession session, int countLimit, IndexCounts counts, CancellationToken ct)
    {
        var skip = (Page - 1) * PageSize;
        var items = await Apply(session.Query<DiscrepancyRow>(), SearchTableOf(session)).Skip(skip).Take(PageSize).ToListAsync(ct);
        if (items.Count < PageSize && (Page == 1 || items.Count > 0))
            return new DiscrepancyResults(items, Page, PageSize, skip + items.Count, TotalExact: true);

        var limit = Math.Max(countLimit, skip + PageSize);
        // With a text filter, counted in the page's order: the planner then walks the sort key's index and stops at
        // the limit, where an unordered count would first gather every text match from the trigram index.
        var filtered = Filter(session.Query<DiscrepancyRow>(), SearchTableOf(session));
        var counted = await counts.UpTo((Text is null ? filtered : filtered.OrderBy(r => r.SortKey)).Select(r => r.Id), session, limit + 1, ct);
        return new DiscrepancyResults(items, Page, PageSize, Math.Min(counted, limit), TotalExact: counted <= limit);
    }

    private static string Clip(string value) => JsonFields.Clip(value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateOnly? Date(string? value, string name, List<Problem> problems)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date)) return date;
        problems.Add(new Problem($"$.query.{name}", $"\"{value}\" is not an ISO 8601 date (YYYY-MM-DD)"));
        return null;
    }

    private static int Number(string? value, string name, int fallback, int min, int max, List<Problem> problems)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (int.TryParse(value, out var n) && n >= min && n <= max) return n;
        problems.Add(new Problem($"$.query.{name}", $"\"{value}\" is not a whole number from {min} to {max}"));
        return fallback;
    }
}

/// <summary>A page of rows. When <see cref="TotalExact"/> is false more than <see cref="Total"/> rows match, and
/// <see cref="Pages"/> counts only the pages known to exist.</summary>
public sealed record DiscrepancyResults(IReadOnlyList<DiscrepancyRow> Items, int Page, int PageSize, long Total, bool TotalExact)
{
    public long Pages => (Total + PageSize - 1) / PageSize;
    /// <summary>Whether a page after this one holds rows.</summary>
    public bool HasNext => Page < Pages || (!TotalExact && Items.Count == PageSize);
}
