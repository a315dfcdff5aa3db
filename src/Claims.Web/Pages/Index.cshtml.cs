using Claims.Domain.Calls;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages;

/// <summary>Every call, newest first, with its discrepancies by verdict; filtered by participant and topic.</summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];
    public IReadOnlyList<string> Participants { get; private set; } = [];
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public string? Participant { get; private set; }
    public string? Topic { get; private set; }

    public async Task OnGetAsync(string? participant, string? topic, CancellationToken ct)
    {
        ViewData["Title"] = "Calls";
        ViewData["Description"] = "Diplomatic calls and their official readouts, side by side: who mentioned what, and who stayed silent.";
        var all = await session.Query<CallSummary>().OrderByDescending(c => c.Date).ThenBy(c => c.Id).ToListAsync(ct);
        Participants = all.SelectMany(c => c.Participants.Select(p => p.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        Topics = all.SelectMany(c => c.Topics).Distinct().Order(StringComparer.Ordinal).ToList();
        Participant = string.IsNullOrWhiteSpace(participant) ? null : participant;
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic;
        Calls = all
            .Where(c => Participant is null || c.Participants.Any(p => p.Name == Participant))
            .Where(c => Topic is null || c.Topics.Contains(Topic))
            .ToList();
    }
}
