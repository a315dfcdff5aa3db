using System.Globalization;
using System.Text.RegularExpressions;

namespace Claims.Domain;

/// <summary>ISO 8601 date-times that carry their offset: a time without one is ambiguous and refused.</summary>
public static partial class Instants
{
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>ISO 8601 with the instant's own offset; fractions of a second only when there are any.</summary>
    public static string Format(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }
}
