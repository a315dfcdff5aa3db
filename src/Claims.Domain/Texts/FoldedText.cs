using System.Globalization;
using System.Text;

namespace Claims.Domain.Texts;

/// <summary>Where a passage stands in a text: a range of the text's characters (UTF-16 code units).</summary>
public sealed record TextRange(int Start, int Length)
{
    [System.Text.Json.Serialization.JsonIgnore] public int End => Start + Length;
}

/// <summary>How far a text is folded before it is compared.</summary>
public enum Folding
{
    /// <summary>Unicode NFKC (full-width and half-width forms, compatibility characters) and white space: how a quote
    /// is found in its account's text. Case and script variants count.</summary>
    Quote,

    /// <summary>As <see cref="Quote"/>, and lower case, and traditional Chinese characters read as simplified ones: how
    /// a search term is found (臺灣 finds 台湾, ＴＡＩＷＡＮ finds Taiwan).</summary>
    Search
}

/// <summary>
/// A text folded for comparison, remembering for each folded character the range of the original it came from, so a
/// match in the folded text is a range of the original. Every run of white space reads as one space. Text elements (a
/// character with its combining marks, or a surrogate pair) are folded whole, so a range never splits one.
/// </summary>
public sealed class FoldedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public string Original { get; }
    public string Text { get; }

    private FoldedText(string original, string text, int[] starts, int[] ends)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>A term or quote folded the same way, without the ranges: what is looked for.</summary>
    public static string Fold(string text, Folding folding) => Of(text, folding).Text.Trim();

    public static FoldedText Of(string text, Folding folding)
    {
        var folded = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var start = elements.ElementIndex;
            var end = start + element.Length;
            if (element.All(char.IsWhiteSpace))
            {
                if (folded.Length > 0 && folded[^1] == ' ') { ends[^1] = end; continue; }
                Add(" ", start, end);
                continue;
            }
            var piece = Normalise(element);
            if (folding == Folding.Search) piece = ChineseVariants.ToSimplified(piece.ToLowerInvariant());
            Add(piece, start, end);
        }
        return new FoldedText(text, folded.ToString(), [.. starts], [.. ends]);

        void Add(string piece, int start, int end)
        {
            foreach (var c in piece)
            {
                folded.Append(c);
                starts.Add(start);
                ends.Add(end);
            }
        }
    }

    /// <summary>The first place <paramref name="needle"/> (already folded) stands, as a range of the original.</summary>
    public TextRange? Find(string needle, int from = 0)
    {
        if (needle.Length == 0) return null;
        var at = Text.IndexOf(needle, from, StringComparison.Ordinal);
        return at < 0 ? null : RangeOf(at, needle.Length);
    }

    /// <summary>Every place <paramref name="needle"/> (already folded) stands, without overlaps.</summary>
    public IReadOnlyList<TextRange> FindAll(string needle)
    {
        var found = new List<TextRange>();
        if (needle.Length == 0) return found;
        for (var at = Text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            found.Add(RangeOf(at, needle.Length));
        return found;
    }

    /// <summary>The original range that folded characters <paramref name="at"/>..+<paramref name="length"/> came from.</summary>
    public TextRange RangeOf(int at, int length)
    {
        var start = _starts[at];
        return new TextRange(start, _ends[at + length - 1] - start);
    }

    private static string Normalise(string element)
    {
        try { return element.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return element; }   // a lone surrogate has no normal form; input checks refuse it anyway
    }
}
