using System.Text.RegularExpressions;

namespace Claims.Domain;

/// <summary>Ids and topics are slugs: lower-case ASCII words joined by single hyphens, 1–100 characters.</summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    // \z, not $: in .NET, $ also matches before a final line break, so "white-house\n" would pass as a second,
    // identical-looking id.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    /// <summary>ISO 3166 alpha-2 upper-case code, or XX for independent sources.</summary>
    public static bool IsSide(string? value) =>
        value is { Length: 2 } && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]);
}
