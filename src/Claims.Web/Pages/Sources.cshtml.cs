using Claims.Web.Features.Sources;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages;

public sealed class SourcesModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<SourceSummary> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Sources";
        Sources = await SourceEndpoints.List(session, ct);
    }
}

public sealed class SourceModel(IQuerySession session) : PageModel
{
    public SourceProfileView Source { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await SourceEndpoints.Load(id, session, ct) is not { } source) return NotFound();
        Source = source;
        ViewData["Title"] = source.Name;
        return Page();
    }
}
