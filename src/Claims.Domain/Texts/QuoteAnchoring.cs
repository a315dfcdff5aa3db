using Claims.Domain.Calls;
using Claims.Domain.Dossiers;

namespace Claims.Domain.Texts;

/// <summary>
/// Which account's text a claim's quote must stand in (spec section 2, "verbatim quote rule"), one rule for imports,
/// corrections, revisions and views:
/// <list type="bullet">
/// <item>a <c>verbatim</c> quote stands in its own account's text, when that account has one;</item>
/// <item>otherwise a <c>verbatim</c> or <c>outlet-translation</c> quote of a claim relayed by an outlet stands in the
/// outlet's article, when that article is an account of the same call with a text: the one
/// <c>reportedVia.account</c> names, or the one whose URL is <c>reportedVia.url</c>;</item>
/// <item>a paraphrase stands nowhere: its words are the editors'.</item>
/// </list>
/// </summary>
public static class QuoteAnchoring
{
    /// <summary>The id of the account the quote must stand in, or null when it need not stand in any.</summary>
    /// <param name="hasText">Whether an account of the call (by id) has a text.</param>
    /// <param name="accountWithUrl">The id of the call's account published at a URL, if any.</param>
    public static string? AccountFor(ClaimContent content, string accountId, Func<string, bool> hasText, Func<string, string?> accountWithUrl)
    {
        if (content.Quote is not { } quote) return null;
        var kind = quote.KindOrDefault;
        if (kind == QuoteKind.Verbatim && hasText(accountId)) return accountId;
        if (kind is not (QuoteKind.Verbatim or QuoteKind.OutletTranslation) || content.ReportedVia is not { } via) return null;
        var relay = via.Account ?? (via.Url is { } url ? accountWithUrl(url) : null);
        return relay is not null && relay != accountId && hasText(relay) ? relay : null;
    }

    /// <summary>The problem with a quote that does not stand in <paramref name="text"/>, naming the nearest passage, or null.</summary>
    public static Problem? Check(Quote quote, string anchorAccountId, AccountText text, string quotePath)
    {
        if (TextAnchor.Find(text.Original, quote.Text) is not null) return null;
        var nearest = TextAnchor.Nearest(text.Original, quote.Text);
        var what = quote.KindOrDefault == QuoteKind.Verbatim ? "a verbatim quote" : "an outlet's translation relayed from it";
        return new Problem($"{quotePath}.text",
            $"is {what} but does not occur in the text of account \"{anchorAccountId}\" (compared after Unicode NFKC and white-space folding)"
            + (nearest is null ? "" : $"; the nearest passage is \"{nearest}\"")
            + "; correct the quote, or give its kind as " + (quote.KindOrDefault == QuoteKind.Verbatim ? "outlet-translation or paraphrase" : "paraphrase"));
    }
}
