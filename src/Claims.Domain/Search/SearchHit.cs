using Claims.Domain.Texts;

namespace Claims.Domain.Search;

/// <summary>A passage of a field with the matched words marked (ranges of <see cref="Text"/>).</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Marks);

/// <summary>
/// One search result: the entry (a claim, or an account's text), the field the term matched in (<c>statement</c>,
/// <c>quote</c>, <c>translation</c>, <c>speaker</c>, <c>text</c>, <c>translation:LANG</c>, or <c>topic</c> when the
/// term names the entry's topic), and a snippet of that field with the matched words marked.
/// </summary>
public sealed record SearchHit(SearchEntry Entry, string MatchedIn, Snippet Snippet)
{
    /// <summary>Characters of context either side of the first match in a long field.</summary>
    public const int Context = 80;

    /// <summary>
    /// Where <paramref name="term"/> matched in <paramref name="entry"/>: the first field holding it (folded for search,
    /// as the index compares), or the topic when the term names one of the entry's topics.
    /// </summary>
    public static SearchHit Of(SearchEntry entry, string term, IReadOnlyCollection<string> namedTopics)
    {
        var folded = FoldedText.Fold(term, Folding.Search);
        foreach (var (field, text) in entry.Fields())
        {
            if (folded.Length == 0) break;
            var ranges = FoldedText.Of(text, Folding.Search).FindAll(folded);
            if (ranges.Count > 0) return new SearchHit(entry, field, Cut(text, ranges));
        }
        var (_, opening) = entry.Fields().FirstOrDefault();
        return new SearchHit(entry, namedTopics.Count > 0 ? "topic" : "", Cut(opening ?? "", []));
    }

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
