using Claims.Domain.Reconciliation;
using Claims.Web.Features.Accounts;
using Claims.Web.Features.Calls;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Calls;

/// <summary>One account: its text (any version) with the claims that stand in it, every version, and what changed between two.</summary>
public sealed class AccountModel(IQuerySession session) : PageModel
{
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
