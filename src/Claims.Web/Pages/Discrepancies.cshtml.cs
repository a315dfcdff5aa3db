using Claims.Web.Features;
using Claims.Domain.Discrepancies;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Discrepancies;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages;

/// <summary>The fact-checkers' discrepancy query as a page.</summary>
public sealed class DiscrepanciesModel(IQuerySession session, DiscrepancyCountLimit countLimit, IndexCounts counts) : PageModel
{
    public DiscrepancyResults? Rows { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public DiscrepancyQuery Query { get; private set; } = new();

    // "page" is a route value of Razor Pages itself (the page's name), so the page number is bound by its query name.
    public async Task OnGetAsync(string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? q,
        [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        ViewData["Title"] = "Discrepancies";
        ViewData["Description"] = "Every topic where the official readouts of a call part: contradicted, omitted by a side's readouts, or given different values.";
        var (query, problems) = DiscrepancyQuery.Parse(topic, verdict, source, side, from, to, q, pageNumber, "20");
        Problems = problems;
        if (query is null) return;
        Query = query;
        Rows = await query.RunAsync(session, countLimit.For(query.Text is not null), counts, ct);
    }

    /// <summary>This page's URL with the same query and another page number.</summary>
    public string PageUrl(int page) => Paging.UrlFor(Request, page);
}
