using Claims.Domain.Discrepancies;
using Claims.Domain.Dossiers;
using Claims.Domain.Search;
using Claims.Domain.Texts;
using Claims.Web.Features.Discrepancies;
using Marten;
using System.Linq.Expressions;

namespace Claims.Web.Features.Search;

/// <summary>
/// Search over everything (every topic's live claims and every account's text), with the discrepancy index's filters:
/// topic, any kind of finding (<c>verdict</c>), source, side, dates, and <c>in</c> (<c>claims</c> or <c>texts</c>).
/// </summary>
public sealed record SearchQuery(DiscrepancyQuery Filters, string? Kind)
{
    /// <summary>What <c>in</c> takes, and the kind of entry each means.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["claims"] = SearchEntry.TopicKind, ["texts"] = SearchEntry.AccountKind
    };

    public string Text => Filters.Text!;

    public static (SearchQuery? Query, List<Problem> Problems) Parse(
        string? q, string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? @in,
        string? page, string? pageSize)
    {
        var (filters, problems) = DiscrepancyQuery.Parse(topic, verdict, source, side, from, to, q, page, pageSize, anyFinding: true);
        if (string.IsNullOrWhiteSpace(q))
            problems.Add(new Problem("$.query.q", "is missing: give the words to search for, in any script"));
        if (@in is { Length: > 0 } && !Kinds.ContainsKey(@in))
            problems.Add(new Problem("$.query.in", $"\"{JsonFields.Clip(@in)}\" is not claims or texts"));
        return problems.Count > 0 ? (null, problems) : (new SearchQuery(filters!, @in is { Length: > 0 } ? Kinds[@in] : null), problems);
    }

    /// <summary>The topics the term names (see <see cref="TopicLabels"/>): their claims match whatever their words.</summary>
    public IReadOnlyCollection<string> NamedTopics => TopicLabels.Active.TopicsNamedBy(Text);

    private IQueryable<SearchEntry> Filter(IQueryable<SearchEntry> entries)
    {
        var f = Filters;
        // Array columns are matched with @> and &&, which their GIN indexes serve (see ClaimsStore).
        if (f.Topic is not null) entries = entries.WhereSql("d.topics @> array[?]::text[]", f.Topic);
        if (f.Verdicts is { Count: > 0 } kinds) entries = entries.WhereSql("d.finding_kinds && ?::text[]", (object)kinds.ToArray());
        if (f.Source is not null) entries = entries.WhereSql("d.source_ids @> array[?]::text[]", f.Source);
        if (f.Side is not null) entries = entries.WhereSql("d.sides @> array[?]::text[]", f.Side);
        if (f.From is { } start) entries = entries.WhereSql("d.sort_key < ?", DiscrepancyRow.SortKeyBefore(start));
        if (f.To is { } end) entries = entries.WhereSql("d.sort_key >= ?", DiscrepancyRow.SortKeyAt(end));
        if (Kind is not null) entries = entries.WhereCompared(e => e.Kind, ExpressionType.Equal, Kind);
        var (sql, parameters) = TextMatch.Sql(FoldedText.Fold(Text, Folding.Search), [.. NamedTopics], "d.topics && ?::text[]");
        return entries.WhereSql(sql, parameters);
    }

    /// <summary>One page of hits, newest call first, and the total (exact up to <paramref name="countLimit"/>), as the discrepancy query counts.</summary>
    public async Task<SearchResults> RunAsync(IQuerySession session, int countLimit, IndexCounts counts, CancellationToken ct)
    {
        var (page, size) = (Filters.Page, Filters.PageSize);
        var skip = (page - 1) * size;
        var entries = await Filter(session.Query<SearchEntry>()).OrderBy(e => e.SortKey).Skip(skip).Take(size).ToListAsync(ct);
        var topics = NamedTopics;
        var hits = entries.Select(e => SearchHit.Of(e, Text, topics.Intersect(e.Topics).Any(), Filters.Source, Filters.Side)).ToList();
        if (entries.Count < size && (page == 1 || entries.Count > 0))
            return new SearchResults(hits, page, size, skip + entries.Count, TotalExact: true, topics);

        var limit = Math.Max(countLimit, skip + size);
        // Counted in the page's order, so the planner may walk the sort key's index and stop at the limit (see DiscrepancyQuery).
        var counted = await counts.UpTo(Filter(session.Query<SearchEntry>()).OrderBy(e => e.SortKey).Select(e => e.Id), session, limit + 1, ct);
        return new SearchResults(hits, page, size, Math.Min(counted, limit), TotalExact: counted <= limit, topics);
    }
}

/// <summary>A page of hits; <see cref="NamedTopics"/> are the topics the term named.</summary>
public sealed record SearchResults(
    IReadOnlyList<SearchHit> Items, int Page, int PageSize, long Total, bool TotalExact, IReadOnlyCollection<string> NamedTopics)
{
    public long Pages => (Total + PageSize - 1) / PageSize;
    public bool HasNext => Page < Pages || (!TotalExact && Items.Count == PageSize);
}
