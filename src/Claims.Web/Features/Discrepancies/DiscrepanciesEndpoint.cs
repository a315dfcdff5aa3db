using Claims.Domain.Calls;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Health;
using Marten;
using Wolverine.Http;

namespace Claims.Web.Features.Discrepancies;

/// <summary>A discrepancy as the API gives it: enough to cite without a second request.</summary>
public sealed record DiscrepancyItem(
    string CallId, string CallTitle, string CallKind, DateOnly CallDate, IReadOnlyList<Participant> Participants,
    string Topic, string Verdict, IReadOnlyList<Finding> Findings,
    IReadOnlyList<RowSource> Asserting, IReadOnlyList<RowSource> Denying, IReadOnlyList<RowSource> Silent,
    IReadOnlyList<FacetComparison> Facets, IReadOnlyList<ClaimView> Claims, string Reconciliation)
{
    public static DiscrepancyItem From(DiscrepancyRow r) => new(
        r.CallId, r.CallTitle, r.CallKind, r.CallDate, r.Participants, r.Topic, r.Verdict, r.Findings, r.Asserting, r.Denying, r.Silent,
        r.Facets, r.Claims, $"/api/calls/{r.CallId}/reconciliation");
}

/// <summary>Whether the index has every event yet: <c>running</c> (it has), <c>behind</c> by N events, or <c>stopped</c>.</summary>
public sealed record IndexState(string State, long Behind);

/// <summary>A page of the index. <c>total</c> is exact when <c>totalExact</c> is true; otherwise more than <c>total</c> rows
/// match and <c>pages</c> counts the pages known to exist. <c>index</c> says whether the newest changes are in it yet.</summary>
public sealed record DiscrepancyPage(IReadOnlyList<DiscrepancyItem> Items, int Page, int PageSize, long Total, bool TotalExact, long Pages, IndexState Index);

public static class DiscrepanciesEndpoint
{
    /// <summary>
    /// GET /api/discrepancies?topic=&amp;verdict=&amp;source=&amp;side=&amp;from=&amp;to=&amp;q=&amp;page=&amp;pageSize=
    /// Every filter is optional; verdict may repeat. Newest call first, paged with the total (exact up to Claims:CountLimit).
    /// </summary>
    [WolverineGet("/api/discrepancies")]
    public static async Task<IResult> Get(
        string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? q, string? page, string? pageSize,
        IQuerySession session, IDocumentStore store, DiscrepancyCountLimit countLimit, IndexCounts counts, CancellationToken ct)
    {
        var (query, problems) = DiscrepancyQuery.Parse(topic, verdict, source, side, from, to, q, page, pageSize);
        if (query is null) return Problems.Invalid(problems, "The filters are not valid.");

        var results = await query.RunAsync(session, countLimit.For(query.Text is not null), counts, ct);
        var lag = await ProjectionLag.IndexAsync(store, ct);
        return Results.Ok(new DiscrepancyPage(results.Items.Select(DiscrepancyItem.From).ToList(), results.Page, results.PageSize,
            results.Total, results.TotalExact, results.Pages, new IndexState(lag?.State ?? ProjectionLag.Running, lag?.Behind ?? 0)));
    }
}
