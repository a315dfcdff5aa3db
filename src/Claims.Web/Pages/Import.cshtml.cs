using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;
using Claims.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Claims.Web.Pages;

/// <summary>Import a dossier from the browser, through the same handler as POST /api/dossiers.</summary>
[Authorize(AuthenticationSchemes = EditorKey.CookieScheme)]
[RequestSizeLimit(10_000_000)]
public sealed class ImportModel(IMessageBus bus) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public bool Conflict { get; private set; }
    public ImportOutcome? Outcome { get; private set; }

    public void OnGet() => ViewData["Title"] = "Import a dossier";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Import a dossier";
        DossierReading reading;
        if (Upload is { Length: > 0 })
        {
            using var file = new MemoryStream();
            await Upload.CopyToAsync(file, ct);
            reading = DossierReader.Read(file.GetBuffer().AsSpan(0, (int)file.Length));
        }
        else if (!string.IsNullOrWhiteSpace(Text)) reading = DossierReader.Read(Text);
        else
        {
            Problems = [new Problem("$", "Choose a dossier file or paste its JSON.")];
            return Page();
        }

        if (!reading.IsValid)
        {
            Problems = reading.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Outcome = await bus.InvokeAsync<ImportOutcome>(ImportDossier.Of(reading, User.EditorName(), "web"), ct);
        Problems = [.. Outcome.Problems, .. Outcome.Conflicts];
        Conflict = Outcome.Conflicts.Count > 0;
        if (Problems.Count > 0) Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
