using System.Globalization;
using Claims.Domain;
using Claims.Domain.Reconciliation;

namespace Claims.Web.Pages;

/// <summary>How the pages write times, sources and cells.</summary>
public static class Display
{
    /// <summary>
    /// HTML encoding for markup the pages build in code (highlighted texts, diffs, snippets): markup characters encoded,
    /// every script left as it is (the default encoder writes each Chinese character as an entity).
    /// </summary>
    public static readonly System.Text.Encodings.Web.HtmlEncoder Html =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A time in the zone it was published in: "2025-11-24 22:30 UTC+08:00".</summary>
    public static string Local(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Zone(at);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>
    /// A time as precisely as it is known: to the minute ("2025-11-24 22:30 UTC+08:00"), about the hour
    /// ("about 22:00, 2025-11-24 UTC+08:00") or about the day ("about 24 November 2025"): a time known only to the day
    /// is written as the day, never as a minute it was not published at.
    /// </summary>
    public static string When(DateTimeOffset at, string? precision) => precision switch
    {
        TimePrecision.Day => "about " + at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        TimePrecision.Hour => "about " + at.ToString("HH:00, yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + Zone(at),
        _ => Local(at)
    };

    /// <summary>The same in UTC, for a second line; empty when only the day is known.</summary>
    public static string WhenUtc(DateTimeOffset at, string? precision) => precision switch
    {
        TimePrecision.Day => "",
        TimePrecision.Hour => "about " + at.UtcDateTime.ToString("HH:00, yyyy-MM-dd", CultureInfo.InvariantCulture) + " UTC",
        _ => Utc(at)
    };

    private static string Zone(DateTimeOffset at) =>
        "UTC" + (at.Offset == TimeSpan.Zero ? "" : at.ToString("zzz", CultureInfo.InvariantCulture));

    /// <summary>The instant as a URL carries it.</summary>
    public static string Instant(DateTimeOffset at) => Instants.Format(at);

    /// <summary>How many days after the call's date an account came out, in its own time zone: "same day", "next day".</summary>
    public static string DaysAfter(DateOnly call, DateTimeOffset at) =>
        (DateOnly.FromDateTime(at.DateTime).DayNumber - call.DayNumber) switch
        {
            < 0 => "before the call",
            0 => "same day",
            1 => "next day",
            var n => $"{n} days later"
        };

    /// <summary>What a quote box holds, in words.</summary>
    public static string QuoteLabel(QuoteView quote, string? outlet) => QuoteLabel(quote.Kind, outlet);

    public static string QuoteLabel(string kind, string? outlet) => kind switch
    {
        QuoteKind.OutletTranslation => $"{outlet ?? "An outlet"}'s translation, not the original words",
        QuoteKind.Paraphrase => "Paraphrase, not the speaker's words",
        _ => "Original words"
    };

    public static string StandingLabel(string standing) => standing switch
    {
        Standing.Party => "party to the call",
        Standing.ThirdParty => "third party",
        _ => "independent"
    };
}

/// <summary>What one source's column says about one topic.</summary>
public sealed record MatrixCell(string State, string Mark, string Word)
{
    public static MatrixCell For(TopicView topic, string sourceId, bool hasAccount)
    {
        if (!hasAccount) return new("noaccount", "·", "no account yet");
        var asserts = topic.Asserting.Contains(sourceId);
        var denies = topic.Denying.Contains(sourceId);
        if (asserts && denies) return new("both", "±", "asserted and denied");
        if (asserts) return new("asserted", "✓", "asserted");
        if (denies) return new("denied", "✗", "denied");
        if (topic.Silent.Contains(sourceId)) return new("silent", "○", "silent");
        return new("none", "–", "no claim");
    }
}
