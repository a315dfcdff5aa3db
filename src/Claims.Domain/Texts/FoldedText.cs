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
    public static string Fold(string text, Folding folding)
    {
        var folded = new StringBuilder(text.Length);
        Walk(text, folding, folded, null, null);
        return folded.ToString().Trim();
    }

    public static FoldedText Of(string text, Folding folding)
    {
        var folded = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        Walk(text, folding, folded, starts, ends);
        return new FoldedText(text, folded.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>
    /// Folds <paramref name="text"/> one text element at a time into <paramref name="folded"/>, and, when asked, the
    /// original range of each folded character. Indexing every claim and text folds megabytes, so a one-character element
    /// (nearly all of them) is folded once per process and looked up after that (<see cref="Single"/>); the result is the
    /// same as folding it afresh.
    /// </summary>
    private static void Walk(string text, Folding folding, StringBuilder folded, List<int>? starts, List<int>? ends)
    {
        for (var start = 0; start < text.Length;)
        {
            var length = IsAsciiBreak(text, start) ? 1 : StringInfo.GetNextTextElementLength(text, start);
            var end = start + length;
            string piece;
            if (length == 1)
            {
                piece = Single(text[start], folding);
                if (ReferenceEquals(piece, WhiteSpace))
                {
                    Space(start, end);
                    start = end;
                    continue;
                }
            }
            else
            {
                var element = text.Substring(start, length);
                if (element.All(char.IsWhiteSpace))
                {
                    Space(start, end);
                    start = end;
                    continue;
                }
                piece = FoldElement(element, folding);
            }
            foreach (var c in piece)
            {
                folded.Append(c);
                starts?.Add(start);
                ends?.Add(end);
            }
            start = end;
        }

        // Every run of white space reads as one space, whose range grows to cover the run.
        void Space(int start, int end)
        {
            if (folded.Length > 0 && folded[^1] == ' ')
            {
                if (ends is not null) ends[^1] = end;
                return;
            }
            folded.Append(' ');
            starts?.Add(start);
            ends?.Add(end);
        }
    }

    /// <summary>
    /// Whether an ASCII character stands alone as a text element without asking the segmentation rules: it does when
    /// the next character is ASCII too (or the text ends), except CR before LF. Only non-ASCII marks extend an element.
    /// </summary>
    private static bool IsAsciiBreak(string text, int at) =>
        text[at] < 0x80 && (at + 1 == text.Length || (text[at + 1] < 0x80 && !(text[at] == '\r' && text[at + 1] == '\n')));

    private static readonly string?[][] Singles = [new string?[char.MaxValue + 1], new string?[char.MaxValue + 1]];

    /// <summary>What <see cref="Single"/> answers for a white-space character (compared by reference).</summary>
    private static readonly string WhiteSpace = new(' ', 1);

    /// <summary>A one-character element folded, or <see cref="WhiteSpace"/>. Filled as characters are met (a race only folds one twice).</summary>
    private static string Single(char c, Folding folding)
    {
        var table = Singles[(int)folding];
        return table[c] ??= char.IsWhiteSpace(c) ? WhiteSpace : FoldElement(c.ToString(), folding);
    }

    private static string FoldElement(string element, Folding folding)
    {
        var piece = Normalise(element);
        return folding == Folding.Search ? ChineseVariants.ToSimplified(piece.ToLowerInvariant()) : piece;
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
