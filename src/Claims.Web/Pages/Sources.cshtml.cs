using Claims.Domain.Dossiers;
using Claims.Web.Features.Desk;
using Claims.Web.Features.Sources;
using Claims.Web.Pages.Desk;
using Claims.Web.Security;
using Wolverine;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages;

public sealed class SourcesModel(IQuerySession session, IMessageBus bus) : PageModel
{
    public SourcePage? Sources { get; private set; }
    public SourceQuery Query { get; private set; } = SourceQuery.Everything();
    [BindProperty] public NewSourceForm NewSource { get; set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Registered { get; private set; }

    public IEnumerable<string> ProblemsFor(string field) => Problems.Where(p => p.Path == field).Select(p => p.Message);

    public async Task OnGetAsync(string? q, string? side, string? kind, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        ViewData["Title"] = "Sources";
        ViewData["Description"] = "The sources of the readouts, and how often each stayed silent on what the other side said.";
        Registered = Request.Query["registered"].FirstOrDefault();
        var (query, problems) = SourceQuery.Parse(q, side, kind, pageNumber, null);
        if (query is null)
        {
            Problems = DeskForm.OfTheForm(problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Query = query;
        Sources = await query.RunAsync(session, ct);
    }

    /// <summary>Registers a source: the same command as POST /api/sources.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        Problems = await DeskForm.SendAsync(bus, DossierReader.ReadSourceItem(DeskForm.Json(NewSource.ToJson())),
            source => new RegisterSource(source, User.EditorName(), "web"), ct);
        if (Problems.Count == 0) return Redirect($"/sources?registered={Uri.EscapeDataString(NewSource.Id!)}#register");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(null, null, null, null, ct);
        return Page();
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
        ViewData["Description"] = $"What {source.Name} said, and left out, call by call.";
        return Page();
    }
}
