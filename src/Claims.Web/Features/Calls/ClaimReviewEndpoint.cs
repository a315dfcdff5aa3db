using Claims.Domain.Exports;
using Claims.Domain.Reconciliation;
using Marten;
using Wolverine.Http;

namespace Claims.Web.Features.Calls;

public static class ClaimReviewEndpoint
{
    /// <summary>
    /// GET /api/calls/{id}/claimreview: schema.org ClaimReview JSON-LD, one per discrepancy. The publisher is
    /// <c>Claims:Review:Name</c> / <c>Claims:Review:Url</c>; review URLs start at <c>Claims:PublicUrl</c>
    /// (default: the address the request came to).
    /// </summary>
    [WolverineGet("/api/calls/{id}/claimreview")]
    public static async Task<IResult> Get(string id, HttpRequest request, IConfiguration config, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<CallReconciliation>(id, ct) is not { Call: not null } call)
            return Problems.NotFound($"No call \"{id}\".");

        var baseUrl = PublicUrl.Of(config, request);
        var reviews = ClaimReviewExport.For(call, Publisher(config, baseUrl), $"{baseUrl}/calls/{Uri.EscapeDataString(id)}");
        return Results.Text(reviews.ToJsonString(Json.Indented), "application/ld+json; charset=utf-8");
    }

    /// <summary>The reviewing organisation: <c>Claims:Review:Name</c> (default "Claims") and <c>Claims:Review:Url</c>.</summary>
    public static ReviewPublisher Publisher(IConfiguration config, string baseUrl) =>
        new(config["Claims:Review:Name"] is { Length: > 0 } name ? name : "Claims", config["Claims:Review:Url"] ?? baseUrl);
}
