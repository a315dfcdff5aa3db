using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Claims.Domain.Texts;

/// <summary>Where a quote stands in an account's text: a range of the original's characters (UTF-16 code units).</summary>
public sealed record TextRange(int Start, int Length);

/// <summary>
/// Finds a quote in an account's text the way a reader would: after Unicode NFKC (full-width and half-width forms,
/// compatibility characters) and with every run of white space read as one space, so a line break or a double space
/// in either text does not hide a quote that is there.
/// </summary>
public static class TextAnchor
{
    public static TextRange? Find(string original, string quote)
    {
        var needle = Fold(quote).Text.Trim();
        if (needle.Length == 0) return null;
        var (folded, starts, ends) = Fold(original);
        var at = folded.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = starts[at];
        return new TextRange(start, ends[at + needle.Length - 1] - start);
    }

    /// <summary>
    /// The passage of <paramref name="original"/> most like <paramref name="quote"/> (sharing the most two-character
    /// pieces), as the original has it, or null when nothing is alike. For telling a fact-checker where a mistyped
    /// quote probably stands.
    /// </summary>
    public static string? Nearest(string original, string quote)
    {
        var needle = Fold(quote).Text.Trim();
        var (folded, starts, ends) = Fold(original);
        if (needle.Length < 2 || folded.Length == 0) return null;
        var wanted = Pieces(needle);
        var width = Math.Min(needle.Length, folded.Length);
        var step = Math.Max(1, width / 8);
        var (best, bestScore) = (0, 0);
        for (var at = 0; at + width <= folded.Length; at += step)
        {
            var score = Pieces(folded.Substring(at, width)).Count(wanted.Contains);
            if (score > bestScore) (best, bestScore) = (at, score);
        }
        if (bestScore == 0) return null;
        var from = starts[best];
        var passage = original[from..ends[best + width - 1]];
        return passage.Length <= 200 ? passage : passage[..200] + "…";
    }

    private static HashSet<string> Pieces(string text)
    {
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++) pieces.Add(text.Substring(i, 2));
        return pieces;
    }

    /// <summary>
    /// The folded text, and for each of its characters the original range it came from. Text elements (a character
    /// with its combining marks, or a surrogate pair) are normalised whole, so ranges never split one.
    /// </summary>
    private static (string Text, List<int> Starts, List<int> Ends) Fold(string text)
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
            Add(Normalise(element), start, end);
        }
        return (folded.ToString(), starts, ends);

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

    private static string Normalise(string element)
    {
        try { return element.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return element; }   // a lone surrogate has no normal form; input checks refuse it anyway
    }

    /// <summary>The SHA-256 of a text's UTF-8 bytes, in lower-case hex: what an archived copy is checked against.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
