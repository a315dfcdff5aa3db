using Claims.Domain.Exports;
using Claims.Domain.Reconciliation;
using Claims.Web.Settings;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Claims.Web.Features.Calls;

public static class ClaimReviewEndpoint
{
    /// <summary>
    /// GET /api/calls/{id}/claimreview: schema.org ClaimReview JSON-LD, one per discrepancy. The publisher is
    /// <c>Claims__Review__Name</c> / <c>Claims__Review__Url</c>; review URLs start at <c>Claims__PublicUrl</c>
    /// (default: the address the request came to).
    /// </summary>
    [WolverineGet("/api/calls/{id}/claimreview")]
    public static async Task<IResult> Get(string id, HttpRequest request, IOptions<ClaimsSettings> settings, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<CallReconciliation>(id, ct) is not { Call: not null } call)
            return Problems.NotFound($"No call \"{id}\".");

        var baseUrl = PublicUrl.Of(settings.Value, request);
        var reviews = ClaimReviewExport.For(call, Publisher(settings.Value, baseUrl), $"{baseUrl}/calls/{Uri.EscapeDataString(id)}");
        return Results.Text(reviews.ToJsonString(Json.Indented), "application/ld+json; charset=utf-8");
    }

    /// <summary>The reviewing organisation: <c>Claims__Review__Name</c> (default "Claims") and <c>Claims__Review__Url</c> (default the public address).</summary>
    public static ReviewPublisher Publisher(ClaimsSettings settings, string baseUrl) =>
        new(settings.Review.Name is { Length: > 0 } name ? name : "Claims", settings.Review.Url is { Length: > 0 } url ? url : baseUrl);
}
