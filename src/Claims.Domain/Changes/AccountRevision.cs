using System.Text.Json;
using Claims.Domain.Calls;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;

namespace Claims.Domain.Changes;

/// <summary>
/// The outcome of asking to revise an account's text: the event to append (null when the text is the current one,
/// or on a problem), the version it makes, and the live claims whose quotes it takes out of the text (they are
/// flagged, not refused: the revision itself is the news).
/// </summary>
public sealed record RevisionDecision(
    AccountTextRevised? Event, IReadOnlyList<Problem> Problems, int Version, IReadOnlyList<string> Orphaned, string? NotFound = null)
{
    public bool Unchanged => Event is null && Problems.Count == 0 && NotFound is null;
}

/// <summary>
/// A new version of an account's text (spec section 4): <c>{ "text": { "original", "excerpt", "translations" },
/// "publishedAt", "timePrecision", "reason" }</c>, where <c>publishedAt</c> is when the source published the change.
/// </summary>
public static class AccountRevision
{
    private static readonly string[] Fields = ["text", "publishedAt", "timePrecision", "reason", ClaimChange.ExpectedVersionField];

    public static RevisionDecision Revise(CallReconciliation call, string accountId, JsonElement body)
    {
        if (call.Account(accountId) is not { } account)
            return new RevisionDecision(null, [], 0, [], NotFound: $"Call \"{call.Id}\" has no account \"{accountId}\".");

        var problems = new List<Problem>();
        var fields = JsonFields.Object(body, "$", problems, Fields);
        if (fields is null) return new RevisionDecision(null, problems, 0, []);
        var text = DossierReader.ReadText(fields.Child("text", true, DossierReader.TextFields));
        var publishedAt = fields.Instant("publishedAt");
        var precision = fields.OneOf("timePrecision", TimePrecision.All, required: false);
        var reason = fields.String("reason", maxLength: DossierReader.ReasonMax);

        var versions = account.TextVersions();
        if (publishedAt is { } at)
        {
            if (at < account.PublishedAt)
                fields.Add("publishedAt", $"is earlier than the account's publication ({Instants.Format(account.PublishedAt)})");
            else if (versions.Count > 0 && at < versions[^1].PublishedAt)
                fields.Add("publishedAt", $"is earlier than version {versions.Count} of the text ({Instants.Format(versions[^1].PublishedAt)}); a revision comes after it");
        }
        if (problems.Count > 0 || text is null || publishedAt is null || reason is null) return new RevisionDecision(null, problems, 0, []);
        if (versions.Count > 0 && versions[^1].Text.Same(text)) return new RevisionDecision(null, [], versions.Count, []);

        var revised = new AccountTextRevised(call.Id, accountId, text, publishedAt.Value, precision == TimePrecision.Minute ? null : precision, reason);
        return new RevisionDecision(revised, [], versions.Count + 1, Orphaned(call, accountId, versions.Count > 0 ? versions[^1].Text : null, text));
    }

    /// <summary>The live claims anchored in the account whose quotes stood in its text and do not stand in <paramref name="next"/>.</summary>
    public static IReadOnlyList<string> Orphaned(CallReconciliation call, string accountId, AccountText? current, AccountText next)
    {
        var before = current is null ? null : FoldedText.Of(current.Original, Folding.Quote);
        var after = FoldedText.Of(next.Original, Folding.Quote);
        return call.Claims
            .Where(c => !c.Retracted && c.Content.Quote is not null)
            .Where(c => QuoteAnchoring.AccountFor(c.Content, c.AccountId,
                id => id == accountId || call.Account(id)?.CurrentText is not null,
                url => call.Accounts.Find(a => a.Url == url)?.Id) == accountId)
            .Where(c => TextAnchor.Find(after, c.Content.Quote!.Text) is null
                        && (before is null || TextAnchor.Find(before, c.Content.Quote!.Text) is not null))
            .Select(c => c.Id)
            .ToList();
    }
}
