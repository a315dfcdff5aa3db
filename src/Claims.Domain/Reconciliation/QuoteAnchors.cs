using Claims.Domain.Texts;

namespace Claims.Domain.Reconciliation;

/// <summary>
/// Where a quote stands: the account whose text holds it (<see cref="QuoteAnchoring"/>), the version of that text
/// shown, the quote's range in it, and, when a revision took the words out, the first version without them.
/// </summary>
public sealed record QuoteAnchor(string Account, int TextVersion, TextRange? Range, int? MissingSince);

/// <summary>
/// Finds the quotes of one view in their accounts' texts as they stood at the view's instant (the version published
/// then, spec section 3), folding each text once for all the claims anchored in it.
/// </summary>
public sealed class QuoteAnchors(CallReconciliation state, DateTimeOffset? publishedAsOf)
{
    private readonly Dictionary<string, IReadOnlyList<TextVersion>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), FoldedText> _folded = [];

    public QuoteAnchor? Of(ClaimEntry claim)
    {
        if (claim.Content.Quote is not { } quote) return null;
        var account = QuoteAnchoring.AccountFor(claim.Content, claim.AccountId,
            id => Versions(id).Count > 0,
            url => state.Accounts.Find(a => a.Url == url)?.Id);
        if (account is null) return null;

        var versions = Versions(account);
        var current = versions[^1];
        if (Find(account, current, quote.Text) is { } range) return new QuoteAnchor(account, current.Number, range, null);
        // Not in the text shown: the first version after the last one that held the words (the first version when
        // none did, as when the text was recorded after the claim).
        for (var i = versions.Count - 2; i >= 0; i--)
            if (Find(account, versions[i], quote.Text) is not null)
                return new QuoteAnchor(account, current.Number, null, versions[i + 1].Number);
        return new QuoteAnchor(account, current.Number, null, versions[0].Number);
    }

    /// <summary>The versions of an account's text published by the view's instant (none when the account is not yet published).</summary>
    public IReadOnlyList<TextVersion> Versions(string accountId)
    {
        if (_versions.TryGetValue(accountId, out var known)) return known;
        var account = state.Account(accountId);
        var versions = account is null || (publishedAsOf is { } at && account.PublishedAt > at) ? [] : account.TextVersionsAsOf(publishedAsOf);
        return _versions[accountId] = versions;
    }

    private TextRange? Find(string account, TextVersion version, string quote)
    {
        if (!_folded.TryGetValue((account, version.Number), out var folded))
            _folded[(account, version.Number)] = folded = FoldedText.Of(version.Text.Original, Folding.Quote);
        return TextAnchor.Find(folded, quote);
    }
}
