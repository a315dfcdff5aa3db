using System.Text.Json.Nodes;
using Claims.Domain.Changes;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Claims;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Claims.Web.Pages.Calls;

/// <summary>One claim: every version, who changed it, when and why; editors correct or retract it here.</summary>
public sealed class ClaimModel(IQuerySession session, IMessageBus bus) : PageModel
{
    public CallReconciliation Call { get; private set; } = null!;
    public ClaimEntry Claim { get; private set; } = null!;
    public ClaimHistoryView History { get; private set; } = null!;
    public AccountEntry Account { get; private set; } = null!;
    /// <summary>Where the claim's quote stands in a text now, when it must stand in one (and whether a revision took it out).</summary>
    public QuoteAnchor? Anchor { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Notice { get; private set; }

    /// <summary>Versions another editor recorded after the one this editor's form was opened on (a refused, stale change).</summary>
    public IReadOnlyList<ClaimVersion> ChangedSince { get; private set; } = [];

    /// <summary>The claim's version the forms were opened on: a change against an older one is refused, never merged.</summary>
    [BindProperty] public int ExpectedVersion { get; set; }
    [BindProperty] public CorrectionForm Correction { get; set; } = new();
    [BindProperty] public string RetractionReason { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string callId, string claimId, CancellationToken ct) =>
        await Load(callId, claimId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCorrectAsync(string callId, string claimId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        if (!await Load(callId, claimId, ct)) return NotFound();
        return await Change(ClaimChanges.Correction, Correction.ToJson(Claim.Content), ct);
    }

    public async Task<IActionResult> OnPostRetractAsync(string callId, string claimId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        if (!await Load(callId, claimId, ct)) return NotFound();
        return await Change(ClaimChanges.Retraction, new JsonObject { ["reason"] = RetractionReason }, ct);
    }

    private async Task<IActionResult> Change(string change, JsonObject body, CancellationToken ct)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body.ToJsonString());
        var outcome = await bus.InvokeAsync<ChangeOutcome>(
            new ChangeClaim(Call.Id, Claim.Id, change, document.RootElement.Clone(), User.EditorName(), "web", ExpectedVersion), ct);
        if (outcome.CurrentVersion is { } current)
        {
            // The editor's own entries stay in the form; the other editor's change is shown beside them, and the
            // form now names the current version, so submitting again redoes the change on top of it.
            ChangedSince = History.Versions.Where(v => v.Version > ExpectedVersion).ToList();
            ModelState.Remove(nameof(ExpectedVersion));
            ExpectedVersion = current;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (outcome.Version is null)
        {
            Problems = [.. outcome.Problems, .. new[] { outcome.Conflict, outcome.NotFound }.OfType<string>().Select(m => new Problem("$", m))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/calls/{Uri.EscapeDataString(Call.Id)}/claims/{Uri.EscapeDataString(Claim.Id)}?changed={change}");
    }

    private async Task<bool> Load(string callId, string claimId, CancellationToken ct)
    {
        var call = await session.LoadAsync<CallReconciliation>(callId, ct);
        if (call?.Claim(claimId) is not { } claim) return false;
        Call = call;
        Claim = claim;
        Account = call.Account(claim.AccountId)!;
        History = ClaimHistory.From(callId, claimId, await session.Events.FetchStreamAsync(callId, token: ct))!;
        Notice = Request.Query["changed"] switch
        {
            [ClaimChanges.Correction] => "The correction was recorded.",
            [ClaimChanges.Retraction] => "The retraction was recorded.",
            _ => null
        };
        if (!Request.HasFormContentType)
        {
            Correction = CorrectionForm.From(claim.Content);
            ExpectedVersion = claim.Version;
        }
        Anchor = Claim.Retracted ? null : new QuoteAnchors(call, null).Of(Claim);
        ViewData["Title"] = $"{claimId} · {call.Call.Title}";
        return true;
    }

    /// <summary>Problems for one form field, by the JSON path the rules name it with.</summary>
    public IEnumerable<string> ProblemsFor(string field) => Problems.Where(p => p.Path == $"$.{field}").Select(p => p.Message);
}

/// <summary>The correction form: the claim's fields as they stand, plus the reason for changing them.</summary>
public sealed class CorrectionForm : ClaimFormFields
{
    public string Reason { get; set; } = "";

    public static CorrectionForm From(Domain.Calls.ClaimContent content)
    {
        var form = new CorrectionForm();
        form.CopyFrom(content);
        return form;
    }

    /// <summary>Only what differs from <paramref name="current"/> goes into the correction; an emptied optional field clears it.</summary>
    public JsonObject ToJson(Domain.Calls.ClaimContent current)
    {
        var body = new JsonObject { ["reason"] = Reason };
        if (Topic != current.Topic) body["topic"] = Topic;
        if (Stance != current.Stance) body["stance"] = Stance;
        if (Statement != current.Statement) body["statement"] = Statement;
        if (Blank(Speaker) != current.Speaker) body["speaker"] = Blank(Speaker);
        if (Blank(QuoteText) != current.Quote?.Text || Blank(QuoteLanguage) != current.Quote?.Language || Blank(QuoteTranslation) != current.Quote?.Translation)
            body["quote"] = QuoteJson();
        if (Blank(FacetKey) != current.Facet?.Key || Blank(FacetValue) != current.Facet?.Value)
            body["facet"] = FacetJson();
        return body;
    }
}
