using System.Globalization;
using System.Text.Json;
using Claims.Domain.Dossiers;

namespace Claims.Web.Features;

/// <summary>
/// The version a change was made against (spec section 4): the <c>If-Match</c> header, holding the <c>ETag</c> that
/// a GET answered (<c>"3"</c>, or weak <c>W/"3"</c>; <c>*</c> names none), or <c>expectedVersion</c> in the body.
/// Both may be given only when they agree.
/// </summary>
public static class ExpectedVersion
{
    public const string Field = "expectedVersion";

    /// <summary>The ETag of a resource at <paramref name="version"/>.</summary>
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The 409 of a change made against an older version: the current version, every version since (as the resource's
    /// history lists them) and where to read it; nothing was recorded.
    /// </summary>
    public static IResult Stale(string detail, int current, IEnumerable<object> changesSince, string link) =>
        Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: new Dictionary<string, object?>
        {
            ["currentVersion"] = current, ["changesSince"] = changesSince.ToList(), ["history"] = link,
        });

    /// <summary>
    /// The version a change names, or the 400 when it is unclear, or (for a change, which must name one) the 428 when
    /// it names none: a change that names no version could silently undo another editor's.
    /// </summary>
    public static (int Version, IResult? Problem) Required(HttpRequest request, JsonElement body, string resource)
    {
        var (version, unclear) = Read(request, body);
        if (unclear is not null) return (0, unclear);
        if (version is { } named) return (named, null);
        return (0, Results.Problem(
            $"A change names the version of the {resource} it was made against: send If-Match with the ETag its GET answered, or \"{Field}\" in the body. Nothing was recorded.",
            statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["$.headers.If-Match"] = ["is missing, and so is $." + Field] } }));
    }

    public static (int? Version, IResult? Problem) Read(HttpRequest request, JsonElement body)
    {
        var problems = new List<Problem>();
        int? fromHeader = null, fromBody = null;
        if (request.Headers.IfMatch.ToString() is { Length: > 0 } header && header.Trim() != "*")
        {
            var tag = header.Trim();
            if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
            if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && int.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                fromHeader = v;
            else
                problems.Add(new Problem("$.headers.If-Match", $"\"{header}\" is not an ETag this API gave (a version in quotes, such as \"3\"), nor *"));
        }
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(Field, out var field))
        {
            if (field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var v) && v >= 0) fromBody = v;
            else problems.Add(new Problem($"$.{Field}", "must be a version number (0 for an account with no text yet, 1, 2, …), as the resource's ETag gives it"));
        }
        if (fromHeader is { } h && fromBody is { } b && h != b)
            problems.Add(new Problem($"$.{Field}", $"is {b}, but If-Match names version {h}: give one, or the same in both"));
        return problems.Count > 0
            ? (null, Problems.Invalid(problems, "The version the change was made against is unclear; nothing was recorded."))
            : (fromBody ?? fromHeader, null);
    }
}
