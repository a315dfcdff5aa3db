using System.Globalization;

namespace Claims.Web.Features.Discrepancies;

/// <summary>
/// How many matches a page of discrepancies counts exactly before it says "more than" (<c>Claims:CountLimit</c>).
/// Counting every one of 50,000 matches reads most of the index's table (80 ms at a million claims); 5,000 keeps a
/// filtered page under 25 ms there. The CSV export and the command line list every match. Read once at start.
/// </summary>
public sealed record DiscrepancyCountLimit(int Value)
{
    public const int Default = 5000;

    /// <summary>
    /// A text filter counts fewer: each match is rechecked against its text (trigram and two-character matches are
    /// lossy), so counting 5,000 took 100–300 ms at a million claims, and 200 (four pages) takes 5–20 ms.
    /// </summary>
    public const int TextMatches = 200;

    /// <summary>The limit for a query with or without a text filter.</summary>
    public int For(bool text) => text ? Math.Min(Value, TextMatches) : Value;

    /// <summary>The configured limit, or null with what is wrong with the setting.</summary>
    public static DiscrepancyCountLimit? Read(IConfiguration config, out string? problem)
    {
        problem = null;
        if (config["Claims:CountLimit"] is not { Length: > 0 } value) return new(Default);
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0) return new(limit);
        problem = $"Claims__CountLimit is \"{value}\"; it must be a whole number of at least 1 (the default is {Default}).";
        return null;
    }
}
