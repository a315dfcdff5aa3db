using Claims.Domain;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Calls;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Calls;

/// <summary>
/// Every account's text side by side, party readouts first, with each claim's words highlighted where they stand and
/// the topics a readout leaves out noted in its margin; translations on request (<c>?lang=en</c>).
/// </summary>
public sealed class ReadoutsModel(IQuerySession session) : PageModel
{
    public ReconciliationView View { get; private set; } = null!;
    /// <summary>The accounts with a text (by the instant shown), in reading order.</summary>
    public IReadOnlyList<AccountDetail> Columns { get; private set; } = [];
    /// <summary>The accounts with no text recorded, and how many claims each has.</summary>
    public IReadOnlyList<AccountView> WithoutText { get; private set; } = [];
    /// <summary>The call's topics, ranked as on the call's page: a topic's colour is its place here.</summary>
    public IReadOnlyList<string> Topics { get; private set; } = [];
    /// <summary>The translation shown instead of the originals, when one was asked for.</summary>
    public string? Language { get; private set; }
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public DateTimeOffset? AsOf { get; private set; }
    public string? AsOfProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? publishedAsOf, string? lang, CancellationToken ct)
    {
        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var asOf, out _))
        {
            asOf = null;
            AsOfProblem = $"“{publishedAsOf}” is not a date-time with an offset, such as 2025-11-24T21:00:00+08:00; showing everything recorded.";
        }
        if (await CallViews.LoadAsync(session, id, null, ct) is not { } loaded) return NotFound();
        View = ReconciliationView.From(loaded.State, asOf, others: loaded.Others);
        AsOf = asOf;
        Topics = View.Topics.Select(t => t.Topic).ToList();
        var parties = View.Call.Participants.Select(p => p.Side).Distinct().ToList();
        var details = View.Accounts.Where(a => a.HasText)
            .Select(a => AccountDetail.From(loaded.State, View, a.Id, null)!)
            .OrderBy(d => Array.IndexOf(Standing.All, d.Source.Standing))
            .ThenBy(d => d.Account.Kind == Vocabulary.Readout ? 0 : 1)
            .ThenBy(d => parties.IndexOf(d.Source.Side) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(d => d.Account.PublishedAt)
            .ToList();
        Columns = details;
        WithoutText = View.Accounts.Where(a => !a.HasText).ToList();
        Languages = details.SelectMany(d => d.Text!.Translations.Select(t => t.Language)).Distinct().Order().ToList();
        Language = lang is not null && Languages.Contains(lang) ? lang : null;
        ViewData["Title"] = $"Readouts · {View.Call.Title}";
        ViewData["Description"] = $"The readouts of {View.Call.Title} in columns, with every claim marked where it stands.";
        return Page();
    }

    public string LanguageUrl(string? lang) =>
        $"/calls/{Uri.EscapeDataString(View.Call.Id)}/readouts?" + string.Join("&", new[]
        {
            AsOf is { } at ? $"publishedAsOf={Uri.EscapeDataString(Display.Instant(at))}" : null,
            lang is null ? null : $"lang={Uri.EscapeDataString(lang)}"
        }.OfType<string>());
}
