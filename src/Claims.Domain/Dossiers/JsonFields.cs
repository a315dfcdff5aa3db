using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Claims.Domain.Dossiers;

/// <summary>
/// Reads the fields of one JSON object, recording a <see cref="Problem"/> for each missing, mistyped,
/// malformed or unknown field instead of stopping at the first, so a user sees everything wrong at once.
/// </summary>
public sealed partial class JsonFields
{
    private readonly JsonElement _object;
    private readonly List<Problem> _problems;
    public string Path { get; }
    /// <summary>Where this object's problems are recorded, for reading nested objects into the same list.</summary>
    public List<Problem> Problems => _problems;

    public JsonFields(JsonElement element, string path, List<Problem> problems, params string[] known)
    {
        _object = element;
        Path = path;
        _problems = problems;
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
                problems.Add(new Problem(At(property.Name), $"unknown field; expected one of {string.Join(", ", known)}"));
        }
    }

    /// <summary>Opens <paramref name="element"/> as an object, or records why it is not one.</summary>
    public static JsonFields? Object(JsonElement element, string path, List<Problem> problems, params string[] known)
    {
        if (element.ValueKind == JsonValueKind.Object) return new JsonFields(element, path, problems, known);
        problems.Add(new Problem(path, $"must be an object, not {Describe(element)}"));
        return null;
    }

    public string At(string name) => $"{Path}.{name}";

    public void Add(string name, string message) => _problems.Add(new Problem(At(name), message));

    private JsonElement? Get(string name, bool required)
    {
        if (_object.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null) return value;
        if (required) Add(name, "is required");
        return null;
    }

    public string? String(string name, bool required = true, int maxLength = 0)
    {
        if (Get(name, required) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(name, $"must be a string, not {Describe(value)}");
            return null;
        }
        if (Text(value) is not { } text)
        {
            Add(name, "is not valid Unicode text: it holds a lone surrogate (such as \\ud800) or bytes that are not UTF-8");
            return null;
        }
        if (text.Contains('\0'))
        {
            Add(name, "must not contain the NUL character (\\u0000)");
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(name, "must not be empty");
            return null;
        }
        if (maxLength > 0 && text.Length > maxLength)
        {
            Add(name, $"is {text.Length} characters long; at most {maxLength} are allowed");
            return null;
        }
        return text;
    }

    /// <summary>
    /// The string, or null when it holds a lone surrogate: PostgreSQL and UTF-8 cannot store one, so it is refused
    /// here with its path rather than failing later.
    /// </summary>
    private static string? Text(JsonElement value)
    {
        string text;
        try { text = value.GetString()!; }
        catch (InvalidOperationException) { return null; }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return null;
        }
        return text;
    }

    public bool? Boolean(string name)
    {
        if (Get(name, required: false) is not { } value) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Add(name, $"must be true or false, not {Describe(value)}");
        return null;
    }

    public string? Slug(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is null || Domain.Slug.IsValid(text)) return text;
        Add(name, $"\"{Clip(text)}\" is not a slug: lower-case letters and digits in words joined by single hyphens, 1–{Domain.Slug.MaxLength} characters");
        return null;
    }

    public string? OneOf(string name, IReadOnlyCollection<string> allowed, bool required = true)
    {
        var text = String(name, required);
        if (text is null || allowed.Contains(text)) return text;
        Add(name, $"\"{Clip(text)}\" is not one of {string.Join(", ", allowed)}");
        return null;
    }

    public string? Side(string name)
    {
        var text = String(name);
        if (text is null || Domain.Slug.IsSide(text)) return text;
        Add(name, $"\"{Clip(text)}\" is not a side: an ISO 3166 alpha-2 code in capitals (CN, US, JP) or XX for independent");
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Add(name, $"\"{Clip(text)}\" is not an ISO 8601 date (YYYY-MM-DD)");
        return null;
    }

    public DateTimeOffset? Instant(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is null) return null;
        if (Instants.TryParse(text, out var instant)) return instant;
        Add(name, $"\"{Clip(text)}\" is not an ISO 8601 date-time with an offset (2025-11-24T21:00:00+08:00)");
        return null;
    }

    public string? Url(string name, bool required = false)
    {
        var text = String(name, required, maxLength: 2000);
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return text;
        Add(name, $"\"{Clip(text)}\" is not an absolute http or https URL");
        return null;
    }

    public string? Language(string name, bool required = false)
    {
        var text = String(name, required, maxLength: 35);
        if (text is null || LanguageTag().IsMatch(text)) return text;
        Add(name, $"\"{Clip(text)}\" is not a BCP 47 language tag (zh, ja, en, zh-Hans)");
        return null;
    }

    public JsonElement? Array(string name, bool required = true)
    {
        if (Get(name, required) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Array) return value;
        Add(name, $"must be an array, not {Describe(value)}");
        return null;
    }

    /// <summary>A slug that names a claim of a call: <c>callId/claimId</c>.</summary>
    public string? ClaimReference(string name)
    {
        var text = String(name);
        if (text is null) return null;
        var slash = text.IndexOf('/');
        if (slash > 0 && Domain.Slug.IsValid(text[..slash]) && Domain.Slug.IsValid(text[(slash + 1)..])) return text;
        Add(name, $"\"{Clip(text)}\" does not name a claim as callId/claimId (2025-11-24-xi-trump-call/cn-taiwan)");
        return null;
    }

    public JsonFields? Child(string name, bool required, params string[] known) =>
        Get(name, required) is { } value ? Object(value, At(name), _problems, known) : null;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null"
    };

    public static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // \z, not $: in .NET, $ also matches before a final line break, and "en\n" is no language tag.
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
