using Claims.Domain.Dossiers;
using Claims.Web.Features.Alerts;
using Claims.Web.Pages.Desk;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Persistence.Durability;

namespace Claims.Web.Pages.Alerts;

/// <summary>The editors' webhooks: each with its filter and its dead letters (sent again from here), and the form to add one.</summary>
public sealed class WebhooksModel(IDocumentSession session, IMessageStore store, WebhookSettings settings) : PageModel
{
    public IReadOnlyList<(WebhookSubscription Subscription, List<DeadLetterView> DeadLetters)> Subscriptions { get; private set; } = [];
    [BindProperty] public NewSubscriptionForm NewSubscription { get; set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Done { get; private set; }

    public IEnumerable<string> ProblemsFor(string field) => Problems.Where(p => p.Path == field).Select(p => p.Message);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        var (created, problems) = await Features.Alerts.Subscriptions.CreateAsync(DeskForm.Json(NewSubscription.ToJson()), User.EditorName(), session, settings, ct);
        if (created is not null) return Redirect($"/webhooks?done=registered#{created.Id}");
        Problems = DeskForm.OfTheForm(problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        return await Features.Alerts.Subscriptions.EndAsync(id, User.EditorName(), session, ct) is null ? NotFound() : Redirect($"/webhooks?done=ended#{id}");
    }

    public async Task<IActionResult> OnPostReplayAsync(string id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        if (await session.LoadAsync<WebhookSubscription>(id, ct) is null) return NotFound();
        await Features.Alerts.Subscriptions.ReplayAsync(id, null, store, ct);
        return Redirect($"/webhooks?done=replaying#{id}");
    }

    private async Task Load(CancellationToken ct)
    {
        ViewData["Title"] = "Webhooks";
        Done = Request.Query["done"].FirstOrDefault() is { } done && done is "registered" or "ended" or "replaying" ? done : null;
        var letters = (await Features.Alerts.Subscriptions.DeadLettersAsync(null, store, ct)).ToLookup(l => l.SubscriptionId);
        Subscriptions = (await Features.Alerts.Subscriptions.ListAsync(session, ct)).Select(s => (s, letters[s.Id].ToList())).ToList();
    }
}
