using Claims.Web.Features;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Discrepancies;
using Claims.Web.Features.Search;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages;

/// <summary>Search over everything: every claim and every account's text, with the discrepancy filters.</summary>
public sealed class SearchModel(IQuerySession session, DiscrepancyCountLimit countLimit, IndexCounts counts) : PageModel
{
    public SearchResults? Results { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Text { get; private set; }
    public string? Topic { get; private set; }
    public string? Verdict { get; private set; }
    public string? Kind { get; private set; }
    public static IReadOnlyList<string> Findings => FindingKind.All;

    public async Task OnGetAsync(string? q, string? topic, string? verdict, string? source, string? side, string? from, string? to, [FromQuery(Name = "in")] string? within,
        [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        ViewData["Title"] = q is { Length: > 0 } ? $"{q} · Search" : "Search";
        ViewData["Description"] = "Search every claim and every readout's text, in any script: 臺灣, 台湾 and Taiwan find the same claims.";
        (Text, Topic, Verdict, Kind) = (q, topic, verdict, within);
        if (string.IsNullOrWhiteSpace(q)) return;
        var (query, problems) = SearchQuery.Parse(q, topic, verdict is { Length: > 0 } ? [verdict] : null, source, side, from, to, within, pageNumber, "20");
        Problems = problems;
        if (query is null) return;
        Results = await query.RunAsync(session, countLimit.For(text: true), counts, ct);
    }

    /// <summary>This page's URL with the same query and another page number.</summary>
    public string PageUrl(int page) => Paging.UrlFor(Request, page);
}
