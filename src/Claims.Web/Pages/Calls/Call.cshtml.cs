using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Calls;
using Claims.Domain.Sources;
using Claims.Web.Features.Desk;
using Claims.Web.Pages.Desk;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Claims.Web.Pages.Calls;

/// <summary>One call: the reconciliation matrix, the claims by topic, the timeline, and the view as it unfolded.</summary>
public sealed class CallModel(IQuerySession session, IMessageBus bus) : PageModel
{
    [BindProperty] public NewClaimForm NewClaim { get; set; } = new();
    public IReadOnlyList<Problem> NewClaimProblems { get; private set; } = [];
    [BindProperty] public NewAccountForm NewAccount { get; set; } = new();
    public IReadOnlyList<Problem> NewAccountProblems { get; private set; } = [];
    /// <summary>The sources an account may be published by (for signed-in editors).</summary>
    public IReadOnlyList<SourceProfile> Sources { get; private set; } = [];
    public string? Recorded { get; private set; }
    public string? Published { get; private set; }

    /// <summary>The whole call as recorded now: every source and account, for columns and the timeline.</summary>
    public ReconciliationView Full { get; private set; } = null!;
    /// <summary>What is shown: the whole call, or only what was published by <see cref="AsOf"/>.</summary>
    public ReconciliationView View { get; private set; } = null!;
    public DateTimeOffset? AsOf { get; private set; }
    /// <summary>The instants at which accounts came out, in order, each with the accounts published then.</summary>
    public IReadOnlyList<DateTimeOffset> Steps { get; private set; } = [];
    public string? AsOfProblem { get; private set; }

    /// <summary>
    /// Claims shown per topic on the call's page; the rest are a link away, paged. A call of 100,000 claims would
    /// otherwise be a 50 MB page.
    /// </summary>
    public const int ClaimsPerTopic = 20;

    public string TopicUrl(string topic) =>
        $"/calls/{Uri.EscapeDataString(Full.Call.Id)}/topics/{Uri.EscapeDataString(topic)}" +
        (AsOf is { } at ? $"?publishedAsOf={Uri.EscapeDataString(Display.Instant(at))}" : "");

    /// <summary>Columns and findings laid out for the page.</summary>
    public CallPresentation Presentation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, string? publishedAsOf, CancellationToken ct)
    {
        if (await CallViews.LoadAsync(session, id, null, ct) is not { } loaded) return NotFound();
        Recorded = Request.Query["recorded"].FirstOrDefault();
        Published = Request.Query["published"].FirstOrDefault();
        await LoadSourcesAsync(ct);
        Show(loaded.State, loaded.Others, publishedAsOf);
        return Page();
    }

    /// <summary>Records a claim: the form is the claim's JSON, sent as the same command as POST /api/calls/{id}/claims.</summary>
    public async Task<IActionResult> OnPostRecordAsync(string id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        if (await CallViews.LoadAsync(session, id, null, ct) is not { } loaded) return NotFound();
        var claimId = NewClaim.NewId(loaded.State);
        NewClaimProblems = await DeskForm.SendAsync(bus, DossierReader.ReadClaimItem(DeskForm.Json(NewClaim.ToJson(claimId, loaded.State))),
            claim => new RecordClaim(id, claim, User.EditorName(), "web"), ct);
        return NewClaimProblems.Count == 0
            ? Redirect($"/calls/{Uri.EscapeDataString(id)}?recorded={Uri.EscapeDataString(claimId)}#topic-{NewClaim.Topic}")
            : await Refused(id, ct);
    }

    /// <summary>Publishes an account: the same command as POST /api/calls/{id}/accounts.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        NewAccountProblems = await DeskForm.SendAsync(bus, DossierReader.ReadAccountItem(DeskForm.Json(NewAccount.ToJson())),
            account => new PublishAccount(id, account, User.EditorName(), "web"), ct);
        return NewAccountProblems.Count == 0
            ? Redirect($"/calls/{Uri.EscapeDataString(id)}?published={Uri.EscapeDataString(NewAccount.Id!)}#record")
            : await Refused(id, ct);
    }

    /// <summary>The page again with the editor's entries and what was wrong with them.</summary>
    private async Task<IActionResult> Refused(string id, CancellationToken ct)
    {
        if (await CallViews.LoadAsync(session, id, null, ct) is not { } loaded) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadSourcesAsync(ct);
        Show(loaded.State, loaded.Others, null);
        return Page();
    }

    /// <summary>Every registered source, for the account form's choice (editors only).</summary>
    private async Task LoadSourcesAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
            Sources = await session.Query<SourceProfile>().OrderBy(s => s.Name).ToListAsync(ct);
    }

    private void Show(CallReconciliation call, IReadOnlyList<CallReconciliation> others, string? publishedAsOf)
    {
        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var asOf, out _))
            AsOfProblem = $"\"{publishedAsOf}\" is not a date-time with an offset; showing the call as recorded now.";
        AsOf = asOf;
        Full = ReconciliationView.From(call, others: others);
        View = asOf is null ? Full : ReconciliationView.From(call, asOf, others: others);
        Presentation = new CallPresentation(Full, View);
        Steps = Full.Accounts.Select(a => a.PublishedAt).Distinct().Order().ToList();
        ViewData["Title"] = call.Call.Title;
        ViewData["Description"] = $"{call.Call.Title}, {call.Call.Date:d MMMM yyyy}: every readout's version side by side, and where they part.";
    }

    public IEnumerable<string> ProblemsFor(string field) => NewClaimProblems.Where(p => p.Path == field).Select(p => p.Message);

    public IEnumerable<string> AccountProblemsFor(string field) => NewAccountProblems.Where(p => p.Path == field).Select(p => p.Message);

    /// <summary>The step at or before the instant shown, for the previous/next links.</summary>
    public int StepIndex => AsOf is { } at ? Steps.Count(s => s <= at) - 1 : Steps.Count - 1;

    /// <summary>The accounts that came out at one step, for its label.</summary>
    public IEnumerable<AccountView> AccountsAt(DateTimeOffset step) => Full.Accounts.Where(a => a.PublishedAt == step);

    public string StepLabel(DateTimeOffset step) =>
        $"{Display.When(step, AccountsAt(step).Select(a => a.TimePrecision).Max(Precision))}: " +
        string.Join("; ", AccountsAt(step).Select(a => $"{Presentation.Name(a.Source)} ({a.Kind})"));

    // The coarsest precision of the accounts at one instant: an instant shared by a day-precise account is "about" that day.
    private static readonly Comparer<string> Precision = Comparer<string>.Create((a, b) =>
        Array.IndexOf(Domain.TimePrecision.All, a).CompareTo(Array.IndexOf(Domain.TimePrecision.All, b)));

    public string StepUrl(int index) =>
        index >= Steps.Count - 1 && index >= 0 && AsOf is null ? $"/calls/{Full.Call.Id}"
            : $"/calls/{Uri.EscapeDataString(Full.Call.Id)}?publishedAsOf={Uri.EscapeDataString(Display.Instant(Steps[Math.Clamp(index, 0, Steps.Count - 1)]))}#matrix";
}
