using System.Globalization;
using Claims.Domain.Reconciliation;

namespace Claims.Web.Pages;

/// <summary>How the pages write times, sources and cells.</summary>
public static class Display
{
    /// <summary>A time in the zone it was published in: "2025-11-24 22:30 UTC+08:00".</summary>
    public static string Local(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" + (at.Offset == TimeSpan.Zero ? "" : at.ToString("zzz", CultureInfo.InvariantCulture));

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The instant as a URL carries it.</summary>
    public static string Instant(DateTimeOffset at) => Domain.Instants.Format(at);
}

/// <summary>What one source's column says about one topic.</summary>
public sealed record MatrixCell(string State, string Mark, string Word)
{
    public static MatrixCell For(TopicView topic, string sourceId, bool hasAccount)
    {
        if (!hasAccount) return new("noaccount", "·", "no account");
        var asserts = topic.Asserting.Contains(sourceId);
        var denies = topic.Denying.Contains(sourceId);
        if (asserts && denies) return new("both", "±", "asserted and denied");
        if (asserts) return new("asserted", "✓", "asserted");
        if (denies) return new("denied", "✗", "denied");
        if (topic.Silent.Contains(sourceId)) return new("silent", "○", "silent");
        return new("none", "–", "no claim");
    }
}
