using System.Text.Json.Nodes;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Calls;
using Claims.Web.Features.Import;
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
    public string? Recorded { get; private set; }

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
        Show(loaded.State, loaded.Others, publishedAsOf);
        return Page();
    }

    /// <summary>
    /// Records a claim: the call is written out as a dossier with the new claim added, so the claim meets every
    /// rule of the format, and imported through the same handler as the API (only the new claim is appended).
    /// </summary>
    public async Task<IActionResult> OnPostRecordAsync(string id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        if (await CallViews.LoadAsync(session, id, null, ct) is not { } loaded) return NotFound();
        var call = loaded.State;

        var dossier = DossierExport.ToJson(call);
        var claims = dossier["claims"]!.AsArray();
        var claimId = NewClaim.NewId(call);
        claims.Add(NewClaim.ToJson(claimId));
        var reading = DossierReader.Read(dossier.ToJsonString());
        var prefix = $"$.claims[{claims.Count - 1}].";
        List<Problem> OfTheForm(IEnumerable<Problem> problems) =>
            problems.Select(p => p with { Path = p.Path.StartsWith(prefix) ? p.Path[prefix.Length..] : p.Path }).ToList();
        NewClaimProblems = OfTheForm(reading.Problems);
        if (reading.IsValid)
        {
            var outcome = await bus.InvokeAsync<ImportOutcome>(ImportDossier.Of(reading, User.EditorName(), "web"), ct);
            NewClaimProblems = OfTheForm([.. outcome.Problems, .. outcome.Conflicts]);
            if (NewClaimProblems.Count == 0)
                return Redirect($"/calls/{Uri.EscapeDataString(id)}?recorded={Uri.EscapeDataString(claimId)}#topic-{NewClaim.Topic}");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Show(call, loaded.Others, null);
        return Page();
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
    }

    public IEnumerable<string> ProblemsFor(string field) => NewClaimProblems.Where(p => p.Path == field).Select(p => p.Message);

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

/// <summary>The editors' form for a new claim on one of the call's accounts.</summary>
public sealed class NewClaimForm : ClaimFormFields
{
    public string Account { get; set; } = "";

    /// <summary>An id from the account and topic, numbered past any the call already has.</summary>
    public string NewId(CallReconciliation call)
    {
        var stem = Domain.Slug.IsValid(Account) && Domain.Slug.IsValid(Topic) ? $"{Account}-{Topic}" : "claim";
        stem = stem.Length > 90 ? stem[..90].TrimEnd('-') : stem;
        var id = stem;
        for (var n = 2; call.Claim(id) is not null; n++) id = $"{stem}-{n}";
        return id;
    }

    public JsonObject ToJson(string id)
    {
        var claim = new JsonObject
        {
            ["id"] = id, ["account"] = Account, ["topic"] = Topic, ["stance"] = Stance, ["statement"] = Statement
        };
        if (Blank(Speaker) is { } speaker) claim["speaker"] = speaker;
        if (QuoteJson() is { } quote) claim["quote"] = quote;
        if (FacetJson() is { } facet) claim["facet"] = facet;
        return claim;
    }
}
