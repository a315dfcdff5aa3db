namespace Claims.Web.Features.Discrepancies;

/// <summary>
/// How many matches a page of discrepancies counts exactly before it says "more than" (<c>Claims__CountLimit</c>).
/// Counting every one of 50,000 matches reads most of the index's table (80 ms at a million claims); 5,000 keeps a
/// filtered page under 25 ms there. The CSV export and the command line list every match. Read once at start.
/// </summary>
public sealed record DiscrepancyCountLimit(int Value)
{
    /// <summary>
    /// A text filter counts fewer: each match is rechecked against its text (trigram and two-character matches are
    /// lossy), so counting 5,000 took 100–300 ms at a million claims, and 200 (four pages) takes 5–20 ms.
    /// </summary>
    public const int TextMatches = 200;

    /// <summary>The limit for a query with or without a text filter.</summary>
    public int For(bool text) => text ? Math.Min(Value, TextMatches) : Value;
}
