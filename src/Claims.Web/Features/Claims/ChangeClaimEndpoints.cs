using System.Security.Claims;
using Claims.Domain.Changes;
using Claims.Domain.Reconciliation;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Claims.Web.Features.Claims;

/// <summary>Corrections, retractions and a claim's history over HTTP; the change itself is <see cref="ChangeClaimHandler"/>.</summary>
public static class ChangeClaimEndpoints
{
    [WolverinePost("/api/claims/{callId}/{claimId}/corrections")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> Correct(string callId, string claimId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Change(ClaimChanges.Correction, callId, claimId, request, user, bus, session, ct);

    [WolverinePost("/api/claims/{callId}/{claimId}/retraction")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> Retract(string callId, string claimId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Change(ClaimChanges.Retraction, callId, claimId, request, user, bus, session, ct);

    private static async Task<IResult> Change(string change, string callId, string claimId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus,
        IQuerySession session, CancellationToken ct)
    {
        var body = await Body.ReadAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var (expected, unnamed) = ExpectedVersion.Required(request, body.Json, "claim");
        // An unknown claim is a 404 whether or not a version was named.
        if (unnamed is not null)
            return (await session.LoadAsync<CallReconciliation>(callId, ct))?.Claim(claimId) is null
                ? Problems.NotFound($"Call \"{callId}\" has no claim \"{claimId}\".") : unnamed;

        var outcome = await bus.InvokeAsync<ChangeOutcome>(new ChangeClaim(callId, claimId, change, body.Json, user.EditorName(), "http", expected), ct);
        if (outcome.Version is { } version) request.HttpContext.Response.Headers.ETag = ExpectedVersion.ETag(version);
        return outcome switch
        {
            { NotFound: { } notFound } => Problems.NotFound(notFound),
            { CurrentVersion: { } current } => await Stale(callId, claimId, expected, current, outcome.Conflict!, session, ct),
            { Conflict: { } conflict } => Results.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            { Version: null } => Problems.Invalid(outcome.Problems, "The change was refused; nothing was recorded."),
            _ => Results.Ok(new { callId, claimId, version = outcome.Version, history = $"/api/claims/{callId}/{claimId}/history" })
        };
    }

    /// <summary>409 with the claim's current version and every version since the one the change was made against.</summary>
    private static async Task<IResult> Stale(string callId, string claimId, int expected, int current, string detail, IQuerySession session, CancellationToken ct)
    {
        var history = ClaimHistory.From(callId, claimId, await session.Events.FetchStreamAsync(callId, token: ct));
        return ExpectedVersion.Stale(detail, current, history?.Versions.Where(v => v.Version > expected) ?? [], $"/api/claims/{callId}/{claimId}/history");
    }

    /// <summary>Every version of a claim; the ETag is the current version, for the If-Match of a change.</summary>
    [WolverineGet("/api/claims/{callId}/{claimId}/history")]
    public static async Task<IResult> History(string callId, string claimId, HttpResponse response, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(callId, token: ct);
        if (ClaimHistory.From(callId, claimId, events) is not { } history)
            return Problems.NotFound($"Call \"{callId}\" has no claim \"{claimId}\".");
        response.Headers.ETag = ExpectedVersion.ETag(history.Versions[^1].Version);
        return Results.Ok(history);
    }
}
