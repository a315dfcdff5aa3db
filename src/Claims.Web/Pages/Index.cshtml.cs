using Claims.Domain.Dossiers;
using Claims.Web.Features.Calls;
using Claims.Web.Features.Discrepancies;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages;

/// <summary>The calls, newest first, a page at a time, with their discrepancies by kind; filtered as GET /api/calls is.</summary>
public sealed class IndexModel(IQuerySession session, DiscrepancyCountLimit countLimit, CallChoices choices, CallOrder order) : PageModel
{
    public CallPage? Calls { get; private set; }
    public CallQuery Query { get; private set; } = CallQuery.Everything();
    public IReadOnlyList<string> Participants { get; private set; } = [];
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public async Task OnGetAsync(
        string? q, string? participant, string? topic, string? side, string? from, string? to,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        ViewData["Title"] = "Calls";
        ViewData["Description"] = "Diplomatic calls and their official readouts, side by side: who mentioned what, and who stayed silent.";
        (Participants, Topics) = await choices.GetAsync(ct);
        var (query, problems) = CallQuery.Parse(q, participant, side, topic, from, to, pageNumber, null);
        Problems = problems;
        if (query is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Query = query;
        Calls = await query.RunAsync(session, countLimit.For(false), order, ct);
    }
}
