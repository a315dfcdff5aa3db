using System.Security.Cryptography;
using System.Text;

namespace Claims.Domain.Texts;

/// <summary>
/// Finds a quote in an account's text the way a reader would: after Unicode NFKC (full-width and half-width forms,
/// compatibility characters) and with every run of white space read as one space, so a line break or a double space
/// in either text does not hide a quote that is there (<see cref="Folding.Quote"/>).
/// </summary>
public static class TextAnchor
{
    public static TextRange? Find(string original, string quote) => Find(FoldedText.Of(original, Folding.Quote), quote);

    /// <summary>Finds a quote in a text folded once for many quotes (an account's claims).</summary>
    public static TextRange? Find(FoldedText text, string quote) => text.Find(FoldedText.Fold(quote, Folding.Quote));

    /// <summary>
    /// The passage of <paramref name="original"/> most like <paramref name="quote"/> (sharing the most two-character
    /// pieces), as the original has it, or null when nothing is alike. For telling a fact-checker where a mistyped
    /// quote probably stands.
    /// </summary>
    public static string? Nearest(string original, string quote)
    {
        var needle = FoldedText.Fold(quote, Folding.Quote);
        var text = FoldedText.Of(original, Folding.Quote);
        var folded = text.Text;
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
        var range = text.RangeOf(best, width);
        var passage = original.Substring(range.Start, range.Length);
        return passage.Length <= 200 ? passage : passage[..200] + "…";
    }

    private static HashSet<string> Pieces(string text)
    {
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++) pieces.Add(text.Substring(i, 2));
        return pieces;
    }

    /// <summary>The SHA-256 of a text's UTF-8 bytes, in lower-case hex: what an archived copy is checked against.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
