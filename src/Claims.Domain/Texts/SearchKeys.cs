namespace Claims.Domain.Texts;

/// <summary>
/// How text is made searchable, for the search index and the discrepancy rows alike: folded for search (<see
/// cref="Folding.Search"/>: case, NFKC, white space, traditional Chinese) into one column that a trigram index serves,
/// and, since trigram indexes cannot serve terms shorter than three characters, a list of two-character pieces.
/// </summary>
public static class SearchKeys
{
    /// <summary>What separates fields in the folded column: no term can hold it, so no match runs from one field into the next.</summary>
    public const char FieldSeparator = '\u0001';

    /// <summary>The folded column for some fields.</summary>
    public static string TextOf(IEnumerable<string?> fields) =>
        string.Join(FieldSeparator, fields.OfType<string>().Select(f => FoldedText.Fold(f, Folding.Search)).Where(f => f.Length > 0));

    /// <summary>
    /// Every two-character piece of the folded text with a character beyond ASCII, since two-character words are common
    /// in Chinese and Japanese (台湾, 高市); and every two-character word of ASCII letters and digits (eu, g7), whole:
    /// ASCII pairs inside longer words ("ne", "ut") would be most of the list and its index, and a search for "eu"
    /// that found "neutral" helps nobody.
    /// </summary>
    public static List<string> Bigrams(string folded)
    {
        var pieces = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            char a = folded[i], b = folded[i + 1];
            if (a == FieldSeparator || b == FieldSeparator) continue;
            if ((a > 0x7F || b > 0x7F) && !char.IsWhiteSpace(a) && !char.IsWhiteSpace(b) && !char.IsLowSurrogate(a) && !char.IsHighSurrogate(b))
                pieces.Add(folded.Substring(i, 2));
            else if (IsAsciiWord(a) && IsAsciiWord(b) && (i == 0 || !IsAsciiWord(folded[i - 1])) && (i + 2 == folded.Length || !IsAsciiWord(folded[i + 2])))
                pieces.Add(folded.Substring(i, 2));
        }
        return pieces.ToList();
    }

    /// <summary>Whether a folded two-character term is looked up in the pieces: when it is a piece of itself. Other short
    /// terms ("5%") are plain substring scans.</summary>
    public static bool IsBigramTerm(string folded) => folded.Length == 2 && Bigrams(folded).Contains(folded);

    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c);
}
