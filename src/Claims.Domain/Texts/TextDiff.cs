using System.Text;
using DiffPlex;

namespace Claims.Domain.Texts;

/// <summary>One piece of a diff: text both versions share (<c>same</c>), or that only the older (<c>removed</c>) or
/// the newer (<c>added</c>) has.</summary>
public sealed record DiffSegment(string Op, string Text)
{
    public const string Same = "same";
    public const string Removed = "removed";
    public const string Added = "added";
}

/// <summary>
/// The difference between two versions of a text, by DiffPlex, over tokens that suit the script: words (with the
/// space after them) where words are spaced, and single characters in Chinese and Japanese, which have no spaces to
/// find words by. A mixed text gets both: a token is a run of spaced-script letters, or one CJK character, or one
/// other character.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffSegment> Between(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, ScriptChunker.Instance);
        var segments = new List<DiffSegment>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffSegment.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(DiffSegment.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(DiffSegment.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        Add(DiffSegment.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return segments;

        void Add(string op, IReadOnlyList<string> pieces, int from, int count)
        {
            if (count <= 0) return;
            var text = new StringBuilder();
            for (var i = from; i < from + count; i++) text.Append(pieces[i]);
            // Consecutive pieces of one kind read as one segment.
            if (segments.Count > 0 && segments[^1].Op == op) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new DiffSegment(op, text.ToString()));
        }
    }

    /// <summary>Whether the text is mostly written without spaces between words (Chinese, Japanese): then the diff's
    /// tokens are characters, and pages say so.</summary>
    public static string GranularityOf(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            letters++;
            if (IsUnspaced(rune)) cjk++;
        }
        return letters > 0 && cjk * 2 >= letters ? "character" : "word";
    }

    internal static bool IsUnspaced(Rune rune) =>
        rune.Value is >= 0x3040 and <= 0x30FF      // hiragana, katakana
            or >= 0x3400 and <= 0x4DBF             // CJK extension A
            or >= 0x4E00 and <= 0x9FFF             // CJK unified ideographs
            or >= 0xF900 and <= 0xFAFF             // CJK compatibility ideographs
            or >= 0xFF66 and <= 0xFF9F             // half-width katakana
            or >= 0x20000 and <= 0x3FFFF;          // CJK extensions B and beyond (Korean is spaced: words)

    private sealed class ScriptChunker : IChunker
    {
        public static readonly ScriptChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var tokens = new List<string>();
            var word = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                var spacedLetter = (Rune.IsLetterOrDigit(rune) || rune.Value is '\'' or '’' or '-') && !IsUnspaced(rune);
                if (spacedLetter) { word.Append(rune.ToString()); continue; }
                if (word.Length > 0) { tokens.Add(word.ToString()); word.Clear(); }
                tokens.Add(rune.ToString());
            }
            if (word.Length > 0) tokens.Add(word.ToString());
            return tokens;
        }
    }
}
