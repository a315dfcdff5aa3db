using Claims.Domain.Calls;
using Claims.Domain.Texts;

namespace Claims.Domain.Reconciliation;

/// <summary>One version of an account's text as its history lists it (the text itself is fetched by number).</summary>
public sealed record TextVersionView(
    int Version, DateTimeOffset PublishedAt, string TimePrecision, string? Reason, DateTimeOffset RecordedAt, string? RecordedBy,
    string Sha256, bool Excerpt, int Length, IReadOnlyList<string> Translations)
{
    public static TextVersionView Of(TextVersion v) =>
        new(v.Number, v.PublishedAt, v.TimePrecision, v.Reason, v.RecordedAt, v.RecordedBy, v.Text.Sha256, v.Text.Excerpt,
            v.Text.Original.Length, v.Text.Translations.Select(t => t.Language).ToList());
}

/// <summary>
/// A claim as an account's text shows it: where its quote stands in the version shown (<paramref name="Range"/>, null
/// when the words are not in that version), and the claim's flag, when a revision took its words out of the text as it
/// stands (<paramref name="MissingSince"/>). <paramref name="Own"/> is false for a claim of another account whose words
/// an outlet's article (this account) relayed.
/// </summary>
public sealed record TextClaim(
    string Id, string Account, bool Own, string Topic, string Verdict, string Stance, string Statement, string? Speaker,
    QuoteView? Quote, TextRange? Range, int? MissingSince);

/// <summary>A topic the account's source stays silent on while another party side's readout raises it: the sources raising it, by id and by name.</summary>
public sealed record SilentTopic(string Topic, string Verdict, IReadOnlyList<string> RaisedBy, IReadOnlyList<string> RaisedByNames);

/// <summary>
/// One account with its text (spec section 5, "an account"): every version, the version shown with the claims that
/// stand in it, and the topics its source is silent on. <paramref name="Version"/> is null when the account has no
/// text (yet, as of the view's instant).
/// </summary>
public sealed record AccountDetail(
    string CallId, string CallTitle, AccountView Account, SourceView Source, AsOf? AsOf,
    IReadOnlyList<TextVersionView> Versions, int? Version, AccountText? Text, IReadOnlyList<TextClaim> Claims,
    IReadOnlyList<SilentTopic> SilentOn)
{
    /// <summary>
    /// The account as <paramref name="view"/> (built from <paramref name="state"/> at the same instant) shows it, with
    /// text version <paramref name="version"/> (the latest published by the view's instant when null). Null when the
    /// view has no such account, or no such version.
    /// </summary>
    public static AccountDetail? From(CallReconciliation state, ReconciliationView view, string accountId, int? version)
    {
        if (view.Accounts.FirstOrDefault(a => a.Id == accountId) is not { } account || state.Account(accountId) is not { } entry) return null;
        var visible = entry.TextVersionsAsOf(view.AsOf?.PublishedAsOf);
        var shown = version is { } n ? visible.FirstOrDefault(v => v.Number == n) : visible.LastOrDefault();
        if (version is not null && shown is null) return null;

        var folded = shown is null ? null : FoldedText.Of(shown.Text.Original, Folding.Quote);
        var claims = view.Topics
            .SelectMany(t => t.Claims.Select(c => (Topic: t, Claim: c)))
            .Where(x => x.Claim.Account == accountId || x.Claim.Quote?.AnchoredIn == accountId)
            .Select(x =>
            {
                var quote = x.Claim.Quote;
                var anchored = quote?.AnchoredIn == accountId;
                // The view found the quote in the latest version; another version shown is searched afresh.
                var range = !anchored || folded is null ? null
                    : shown!.Number == quote!.TextVersion ? quote.Range : TextAnchor.Find(folded, quote.Text);
                return new TextClaim(x.Claim.Id, x.Claim.Account, x.Claim.Account == accountId, x.Topic.Topic, x.Topic.Verdict,
                    x.Claim.Stance, x.Claim.Statement, x.Claim.Speaker, quote, range, anchored ? quote!.MissingSince : null);
            })
            .OrderBy(c => c.Range?.Start ?? int.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

        var silentOn = account.Kind == Vocabulary.Readout
            ? view.Topics
                .Where(t => t.Findings.Any(f => f.Kind == FindingKind.Omitted && f.Side == entry.Source.Side && (f.Sources ?? []).Contains(entry.Source.Id)))
                .Select(t => new SilentTopic(t.Topic, t.Verdict, t.Asserting,
                    t.Asserting.Select(id => view.Sources.FirstOrDefault(s => s.Id == id)?.Name ?? id).ToList()))
                .ToList()
            : [];

        return new AccountDetail(
            state.Id, state.Call.Title, account, view.Sources.First(s => s.Id == account.Source), view.AsOf,
            visible.Select(TextVersionView.Of).ToList(),
            shown?.Number, shown?.Text, claims, silentOn);
    }
}
