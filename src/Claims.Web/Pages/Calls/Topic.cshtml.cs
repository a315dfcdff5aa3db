using Claims.Domain.Reconciliation;
using Claims.Web.Features.Calls;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Calls;

/// <summary>Every claim of one topic of a call, a page at a time: where the call's page sends readers of a large topic.</summary>
public sealed class TopicModel(IQuerySession session) : PageModel
{
    public const int PageSize = 100;

    public ReconciliationView View { get; private set; } = null!;
    public TopicView Topic { get; private set; } = null!;
    public CallPresentation Presentation { get; private set; } = null!;
    public IReadOnlyList<ClaimView> Claims { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int Pages { get; private set; }
    public DateTimeOffset? AsOf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string topic, string? publishedAsOf, int? page, CancellationToken ct)
    {
        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var asOf, out _)) asOf = null;
        if (await CallViews.LoadAsync(session, id, null, ct) is not { } loaded) return NotFound();
        var full = ReconciliationView.From(loaded.State, others: loaded.Others);
        View = asOf is null ? full : ReconciliationView.From(loaded.State, asOf, others: loaded.Others);
        if (View.Topics.FirstOrDefault(t => t.Topic == topic) is not { } found) return NotFound();
        Topic = found;
        AsOf = asOf;
        Presentation = new CallPresentation(full, View);
        Pages = Math.Max(1, (found.Claims.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, Pages);
        Claims = CallPresentation.InOrder(found).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        ViewData["Title"] = $"{topic} · {View.Call.Title}";
        return Page();
    }

    public string PageUrl(int page) =>
        $"?page={page}" + (AsOf is { } at ? $"&publishedAsOf={Uri.EscapeDataString(Display.Instant(at))}" : "");
}
