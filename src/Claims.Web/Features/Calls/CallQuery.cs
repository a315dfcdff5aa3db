using Claims.Domain.Calls;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Discrepancies;
using Marten;
using System.Linq.Expressions;

namespace Claims.Web.Features.Calls;

/// <summary>A page of the call list; when <c>totalExact</c> is false more than <c>total</c> calls match.</summary>
public sealed record CallPage(IReadOnlyList<CallListItem> Items, int Page, int PageSize, long Total, bool TotalExact, long Pages);

/// <summary>
/// The call list's filters, run in the database on the columns duplicated from each call's summary (see
/// <c>ClaimsStore.ConfigureCallSummaries</c>): newest call first (then by id, as the index on date
/// and id reads them), a page at a time, the total counted as far as it is cheap.
/// Shared by <c>GET /api/calls</c> and the home page.
/// </summary>
public sealed record CallQuery(
    string? Text, string? Participant, string? Side, string? Topic, DateOnly? From, DateOnly? To, int Page, int PageSize)
{
    public const int MaxParticipantLength = 200;

    /// <summary>Reads and checks the filters (the discrepancy API's rules for those they share); each bad one is named by its parameter.</summary>
    public static (CallQuery? Query, List<Problem> Problems) Parse(
        string? q, string? participant, string? side, string? topic, string? from, string? to, string? page, string? pageSize)
    {
        var (shared, problems) = DiscrepancyQuery.Parse(topic, null, null, side, from, to, q, page, pageSize);
        if (participant is { Length: > MaxParticipantLength })
            problems.Add(new Problem("$.query.participant", $"is {participant.Length} characters long; at most {MaxParticipantLength} are allowed"));
        if (shared is null || problems.Count > 0) return (null, problems);
        return (new CallQuery(shared.Text, string.IsNullOrWhiteSpace(participant) ? null : participant.Trim(), shared.Side, shared.Topic,
            shared.From, shared.To, shared.Page, shared.PageSize), problems);
    }

    public static CallQuery Everything(int page = 1) => new(null, null, null, null, null, null, page, DiscrepancyQuery.DefaultPageSize);

    private IQueryable<CallSummary> Filter(IQueryable<CallSummary> calls)
    {
        if (Text is { } text)
        {
            calls = calls.WhereSql("d.title ilike ?", TextMatch.Containing(text));
        }
        if (Participant is { } name)
            calls = calls.WhereSql("d.data -> 'participants' @> ?::jsonb", System.Text.Json.JsonSerializer.Serialize(new[] { new { name } }));
        if (Side is { } side)
            calls = calls.WhereSql("d.data -> 'participants' @> ?::jsonb", System.Text.Json.JsonSerializer.Serialize(new[] { new { side } }));
        if (Topic is { } topic) calls = calls.WhereSql("d.topics @> array[?]::text[]", topic);
        if (From is { } from) calls = calls.WhereCompared(c => c.Date, ExpressionType.GreaterThanOrEqual, from);
        if (To is { } to) calls = calls.WhereCompared(c => c.Date, ExpressionType.LessThanOrEqual, to);
        return calls;
    }

    /// <summary>
    /// The summaries of the calls named, without the facts the list never shows: every claim's and account's (15 kB a call
    /// at a million claims). Removed in one operation, the document is read from its compressed storage once a row; each
    /// field picked on its own (Marten's Select) read it once per field.
    /// </summary>
    private static async Task<IReadOnlyList<CallSummary>> ListedAsync(IQuerySession session, string[] ids, CancellationToken ct) =>
        ids.Length == 0 ? [] : await session.QueryAsync<CallSummary>(
            $"select d.data - 'accountFacts' - 'liveClaims' from {TableOf(session.DocumentStore)} as d where d.id = any(?)", ct, (object)ids);

    /// <summary>The summaries' table in the store's schema (Marten names a document's table mt_doc_{type name}).</summary>
    internal static string TableOf(IDocumentStore store) =>
        $"{store.Options.DatabaseSchemaName}.mt_doc_{nameof(CallSummary).ToLowerInvariant()}";

    /// <summary>The calls' ids in the list's order: newest first, then by id, as the index on date and id reads them.</summary>
    internal static IQueryable<string> OrderedIds(IQueryable<CallSummary> calls) =>
        calls.OrderByDescending(c => c.Date).ThenBy(c => c.Id).Select(c => c.Id);

    private bool Unfiltered => Text is null && Participant is null && Side is null && Topic is null && From is null && To is null;

    /// <summary>The page's calls in the order of <paramref name="ids"/>.</summary>
    private static async Task<List<CallListItem>> ItemsAsync(IQuerySession session, string[] ids, CancellationToken ct)
    {
        var rows = (await ListedAsync(session, ids, ct)).ToDictionary(c => c.Id);
        return ids.Where(rows.ContainsKey).Select(id => CallListItem.From(rows[id])).ToList();
    }

    public async Task<CallPage> RunAsync(IQuerySession session, int countLimit, CallOrder order, CancellationToken ct)
    {
        var skip = (Page - 1) * PageSize;
        if (Unfiltered)
        {
            // Every call in order, kept while nothing changes (see CallOrder): the page is a slice, the total exact.
            var all = await order.IdsAsync(session, ct);
            var slice = all.Skip(skip).Take(PageSize).ToArray();
            return new CallPage(await ItemsAsync(session, slice, ct), Page, PageSize, all.Count, true, (all.Count + PageSize - 1) / PageSize);
        }

        // The page's ids first, then their rows: in one query PostgreSQL builds the listed fields of every row it skips
        // or sorts, not only of the page's (140 ms for page 40 of 5,000 calls, against a few for the two).
        var ids = await OrderedIds(Filter(session.Query<CallSummary>())).Skip(skip).Take(PageSize).ToListAsync(ct);
        var items = await ItemsAsync(session, [.. ids], ct);
        long total;
        var exact = true;
        if (items.Count < PageSize && (Page == 1 || items.Count > 0)) total = skip + items.Count;
        else
        {
            var limit = Math.Max(countLimit, skip + PageSize);
            var counted = await QueryCount.UpTo(Filter(session.Query<CallSummary>()).Select(c => c.Id), session, limit + 1, ct);
            (total, exact) = (Math.Min(counted, limit), counted <= limit);
        }
        return new CallPage(items, Page, PageSize, total, exact, (total + PageSize - 1) / PageSize);
    }
}
