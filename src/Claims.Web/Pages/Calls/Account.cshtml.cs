using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Accounts;
using Claims.Web.Features.Calls;
using Claims.Web.Features.Desk;
using Claims.Web.Pages.Desk;
using Claims.Web.Security;
using Marten;
using Wolverine;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Calls;

/// <summary>One account: its text (any version) with the claims that stand in it, every version, and what changed between two.</summary>
public sealed class AccountModel(IQuerySession session, IMessageBus bus) : PageModel
{
    /// <summary>A claim recorded from a passage of this text (the account is this one).</summary>
    [BindProperty] public NewClaimForm NewClaim { get; set; } = new();
    public IReadOnlyList<Problem> NewClaimProblems { get; private set; } = [];
    public string? Recorded { get; private set; }

    public IEnumerable<string> ProblemsFor(string field) => NewClaimProblems.Where(p => p.Path == field).Select(p => p.Message);

    public AccountDetail Detail { get; private set; } = null!;
    public ReconciliationView View { get; private set; } = null!;
    public TextChange? Change { get; private set; }
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public string? Language { get; private set; }
    public DateTimeOffset? AsOf { get; private set; }
    public string? AsOfProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        string id, string accountId, int? version, int? from, int? to, string? lang, string? publishedAsOf, CancellationToken ct)
    {
        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var asOf, out _))
        {
            asOf = null;
            AsOfProblem = $"“{publishedAsOf}” is not a date-time with an offset, such as 2025-11-24T21:00:00+08:00; showing everything recorded.";
        }
        Recorded = Request.Query["recorded"].FirstOrDefault();
        return await Show(id, accountId, version, from, to, lang, asOf, ct);
    }

    /// <summary>
    /// Records a claim from a passage of the text: the quote is the passage (pasted, or selected in the text with the
    /// script), sent as the same command as POST /api/calls/{id}/claims, so it must stand in the text.
    /// </summary>
    public async Task<IActionResult> OnPostRecordAsync(string id, string accountId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge(EditorKey.CookieScheme);
        if (await session.LoadAsync<CallReconciliation>(id, ct) is not { Call: not null } call || call.Account(accountId) is null) return NotFound();
        NewClaim.Account = accountId;
        var claimId = NewClaim.NewId(call);
        NewClaimProblems = await DeskForm.SendAsync(bus, DossierReader.ReadClaimItem(DeskForm.Json(NewClaim.ToJson(claimId, call))),
            claim => new RecordClaim(id, claim, User.EditorName(), "web"), ct);
        if (NewClaimProblems.Count == 0)
            return Redirect($"/calls/{Uri.EscapeDataString(id)}/accounts/{Uri.EscapeDataString(accountId)}?recorded={Uri.EscapeDataString(claimId)}#q-{claimId}");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Show(id, accountId, null, null, null, null, null, ct);
    }

    private async Task<IActionResult> Show(
        string id, string accountId, int? version, int? from, int? to, string? lang, DateTimeOffset? asOf, CancellationToken ct)
    {
        var loaded = await AccountLoad.DetailAsync(session, id, accountId, version, asOf, ct);
        if (loaded.Detail is not { } detail) return NotFound();
        Detail = detail;
        View = loaded.View!;
        AsOf = asOf;
        Topics = View.Topics.Select(t => t.Topic).ToList();
        Language = detail.Text?.Translations.Any(t => t.Language == lang) == true ? lang : null;
        if (detail.Versions.Count > 1)
        {
            var newest = detail.Versions[^1].Version;
            var b = Math.Clamp(to ?? newest, 1, newest);
            var a = Math.Clamp(from ?? b - 1, 1, newest);
            Change = TextChange.Between(loaded.State!, accountId, a, b).Change;
        }
        ViewData["Title"] = $"{detail.Account.Title ?? detail.Account.Id} · {detail.CallTitle}";
        return Page();
    }

    public string VersionUrl(int version) =>
        $"/calls/{Uri.EscapeDataString(Detail.CallId)}/accounts/{Uri.EscapeDataString(Detail.Account.Id)}?version={version}";
}
