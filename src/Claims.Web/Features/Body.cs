using System.Text.Json;
using Claims.Domain.Dossiers;

namespace Claims.Web.Features;

/// <summary>A request body read as JSON, or the 400 that says why it is not JSON.</summary>
public sealed record Body(JsonElement Json, IResult? Problem)
{
    public static async Task<Body> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, ct);
            return new Body(document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return new Body(default, Problems.Invalid(
                [new Problem(e.Path ?? "$", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})")],
                "The body is not valid JSON."));
        }
    }
}
