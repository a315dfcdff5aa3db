using Claims.Domain.Dossiers;
using Claims.Web.Features.Desk;
using Claims.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Claims.Web.Pages.Desk;

/// <summary>Opens a call from the browser: the same command as POST /api/calls.</summary>
[Authorize(AuthenticationSchemes = EditorKey.CookieScheme)]
public sealed class NewCallModel(IMessageBus bus) : PageModel
{
    [BindProperty] public NewCallForm Call { get; set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public IEnumerable<string> ProblemsFor(string field) => Problems.Where(p => p.Path == field || p.Path.StartsWith(field + "[")).Select(p => p.Message);

    public void OnGet() => ViewData["Title"] = "Open a call";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Open a call";
        Problems = await DeskForm.SendAsync(bus, DossierReader.ReadCallItem(DeskForm.Json(Call.ToJson())),
            call => new CreateCall(call, User.EditorName(), "web"), ct);
        if (Problems.Count == 0) return Redirect($"/calls/{Uri.EscapeDataString(Call.Id!)}#publish");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
