using Claims.Domain.Reconciliation;
using Claims.Web.Features.Calls;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Calls;

/// <summary>One call: the reconciliation matrix, the claims by topic, the timeline, and the view as it unfolded.</summary>
public sealed class CallModel(IQuerySession session) : PageModel
{
    /// <summary>The whole call as recorded now: every source and account, for columns and the timeline.</summary>
    public ReconciliationView Full { get; private set; } = null!;
    /// <summary>What is shown: the whole call, or only what was published by <see cref="AsOf"/>.</summary>
    public ReconciliationView View { get; private set; } = null!;
    public DateTimeOffset? AsOf { get; private set; }
    public IReadOnlyList<DateTimeOffset> Steps { get; private set; } = [];
    public string? AsOfProblem { get; private set; }

    public IEnumerable<IGrouping<string, SourceView>> SourcesBySide =>
        Full.Sources.GroupBy(s => s.Side)
            .OrderBy(g => Full.Call.Participants.Select(p => p.Side).ToList().IndexOf(g.Key) is var i and >= 0 ? i : 99)
            .ThenBy(g => g.Key, StringComparer.Ordinal);

    public bool HasAccount(string sourceId) => View.Accounts.Any(a => a.Source == sourceId);

    public SourceView Source(string id) => Full.Sources.First(s => s.Id == id);

    public async Task<IActionResult> OnGetAsync(string id, string? publishedAsOf, CancellationToken ct)
    {
        var call = await session.LoadAsync<CallReconciliation>(id, ct);
        if (call?.Call is null) return NotFound();

        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var asOf, out _))
            AsOfProblem = $"\"{publishedAsOf}\" is not a date-time with an offset; showing the call as recorded now.";
        AsOf = asOf;
        Full = ReconciliationView.From(call);
        View = asOf is null ? Full : ReconciliationView.From(call, asOf);
        Steps = Full.Accounts.Select(a => a.PublishedAt).Distinct().Order().ToList();
        ViewData["Title"] = call.Call.Title;
        return Page();
    }

    /// <summary>The step at or before the instant shown, for the previous/next links.</summary>
    public int StepIndex => AsOf is { } at ? Steps.Count(s => s <= at) - 1 : Steps.Count - 1;

    public string StepUrl(int index) =>
        index >= Steps.Count - 1 && index >= 0 && AsOf is null ? $"/calls/{Full.Call.Id}"
            : $"/calls/{Uri.EscapeDataString(Full.Call.Id)}?publishedAsOf={Uri.EscapeDataString(Display.Instant(Steps[Math.Clamp(index, 0, Steps.Count - 1)]))}#matrix";
}
