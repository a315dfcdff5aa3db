using Claims.Domain.Dossiers;
using Claims.Domain.Texts;

namespace Claims.Domain.Reconciliation;

/// <summary>
/// What changed between two versions of an account's text: <paramref name="Granularity"/> says whether the diff's
/// pieces are words or characters (<see cref="TextDiff"/>), and the segments read in order give the newer text
/// with the older one's removed words in place.
/// </summary>
public sealed record TextChange(
    string CallId, string AccountId, int From, int To, string Granularity, IReadOnlyList<DiffSegment> Segments,
    TextVersionView FromVersion, TextVersionView ToVersion)
{
    /// <summary>The change between versions <paramref name="from"/> and <paramref name="to"/> (by default the last two, or the only one with itself).</summary>
    public static (TextChange? Change, Problem? Problem) Between(CallReconciliation state, string accountId, int? from, int? to)
    {
        var versions = state.Account(accountId)?.TextVersions() ?? [];
        if (versions.Count == 0) return (null, null);
        var b = to ?? versions.Count;
        var a = from ?? Math.Max(1, b - 1);
        // The version asked for is named first: `to=5` of a two-version text is about `to`, not the `from` it implies.
        foreach (var (value, name) in new[] { (b, "to"), (a, "from") })
            if (value > versions.Count)
                return (null, new Problem($"$.query.{name}", $"there is no version {value}; the text of account \"{accountId}\" has {versions.Count}"));
        var (older, newer) = (versions[a - 1], versions[b - 1]);
        return (new TextChange(state.Id, accountId, a, b, TextDiff.GranularityOf(newer.Text.Original + older.Text.Original),
            TextDiff.Between(older.Text.Original, newer.Text.Original), TextVersionView.Of(older), TextVersionView.Of(newer)), null);
    }
}
