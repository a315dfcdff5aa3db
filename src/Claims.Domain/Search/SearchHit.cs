using Claims.Domain.Texts;

namespace Claims.Domain.Search;

/// <summary>A passage of a field with the matched words marked (ranges of <see cref="Text"/>).</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Marks);

/// <summary>
/// A claim of a topic's entry that a search found, the field the term matched in (<c>statement</c>, <c>quote</c>,
/// <c>translation</c>, <c>speaker</c>, or <c>topic</c> when the term names the topic) and a snippet of that field.
/// </summary>
public sealed record ClaimMatch(SearchClaim Claim, string MatchedIn, Snippet Snippet);

/// <summary>
/// One search result: a topic with the claims that matched (<paramref name="ClaimsMatched"/> of them, the first
/// <see cref="ClaimsShown"/> listed), or an account's text with where it matched (<c>text</c>, <c>translation:LANG</c>)
/// and a snippet.
/// </summary>
public sealed record SearchHit(SearchEntry Entry, IReadOnlyList<ClaimMatch> Claims, int ClaimsMatched, string? MatchedIn, Snippet? Snippet)
{
    /// <summary>Characters of context either side of the first match in a long field.</summary>
    public const int Context = 80;

    /// <summary>Claims listed per topic; a large call's topic can hold thousands.</summary>
    public const int ClaimsShown = 20;

    /// <summary>
    /// Where <paramref name="term"/> matched in <paramref name="entry"/>, folded for search as the index compares. A
    /// topic's claims match when their words hold the term and, when the term names the topic, every claim filed under
    /// it matches too (listed after the ones whose words hold it, as matched by <c>topic</c>). Filters by
    /// <paramref name="source"/> and <paramref name="side"/> choose topics (those the source or side speaks to, as on the
    /// discrepancy page); their claims are listed first.
    /// </summary>
    public static SearchHit Of(SearchEntry entry, string term, bool namesTopic, string? source = null, string? side = null)
    {
        var folded = FoldedText.Fold(term, Folding.Search);
        if (entry.Kind == SearchEntry.AccountKind)
        {
            foreach (var (field, text) in entry.TextFields())
                if (Find(text, folded) is { Count: > 0 } marks) return new SearchHit(entry, [], 0, field, Cut(text, marks));
            return new SearchHit(entry, [], 0, namesTopic ? "topic" : null, null);
        }

        var claims = entry.Claims ?? [];
        int FilterFirst(ClaimMatch m) => (source is null || m.Claim.Source == source) && (side is null || m.Claim.Side == side) ? 0 : 1;
        var byWords = new List<ClaimMatch>();
        var byTopic = new List<ClaimMatch>();
        foreach (var claim in claims)
        {
            var match = claim.Fields().Select(f => (f.Field, f.Text, Marks: Find(f.Text, folded))).FirstOrDefault(f => f.Marks.Count > 0);
            if (match.Marks is { Count: > 0 }) byWords.Add(new ClaimMatch(claim, match.Field, Cut(match.Text, match.Marks)));
            else if (namesTopic) byTopic.Add(new ClaimMatch(claim, "topic", Cut(claim.Statement, [])));
        }
        return new SearchHit(entry, [.. byWords.Concat(byTopic).OrderBy(FilterFirst).Take(ClaimsShown)], byWords.Count + byTopic.Count, null, null);
    }

    /// <summary>
    /// Where the folded term stands in the text. Most fields of a hit do not hold it: they are folded without keeping each
    /// character's place (several times faster), and only a field that holds the term is folded again with its places.
    /// </summary>
    private static IReadOnlyList<TextRange> Find(string text, string folded) =>
        folded.Length == 0 || !FoldedText.Fold(text, Folding.Search).Contains(folded, StringComparison.Ordinal)
            ? [] : FoldedText.Of(text, Folding.Search).FindAll(folded);

    /// <summary>The field whole when short; otherwise a window around the first match, with "…" where it was cut.</summary>
    private static Snippet Cut(string text, IReadOnlyList<TextRange> marks)
    {
        if (text.Length <= 2 * Context + 60) return new Snippet(text, marks);
        var first = marks.Count > 0 ? marks[0] : new TextRange(0, 0);
        var start = Math.Max(0, first.Start - Context);
        var end = Math.Min(text.Length, first.End + Context);
        // Never cut a surrogate pair in two.
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var prefix = start > 0 ? "…" : "";
        var window = prefix + text[start..end] + (end < text.Length ? "…" : "");
        var shifted = marks.Where(m => m.Start >= start && m.End <= end)
            .Select(m => new TextRange(m.Start - start + prefix.Length, m.Length)).ToList();
        return new Snippet(window, shifted);
    }
}
