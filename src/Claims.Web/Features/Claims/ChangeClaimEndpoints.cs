using System.Security.Claims;
using Claims.Domain.Changes;
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
    public static Task<IResult> Correct(string callId, string claimId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        Change(ClaimChanges.Correction, callId, claimId, request, user, bus, ct);

    [WolverinePost("/api/claims/{callId}/{claimId}/retraction")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> Retract(string callId, string claimId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
        Change(ClaimChanges.Retraction, callId, claimId, request, user, bus, ct);

    private static async Task<IResult> Change(string change, string callId, string claimId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        var body = await Body.ReadAsync(request, ct);
        if (body.Problem is not null) return body.Problem;

        var outcome = await bus.InvokeAsync<ChangeOutcome>(new ChangeClaim(callId, claimId, change, body.Json, user.EditorName(), "http"), ct);
        return outcome switch
        {
            { NotFound: { } notFound } => Problems.NotFound(notFound),
            { Conflict: { } conflict } => Results.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            { Version: null } => Problems.Invalid(outcome.Problems, "The change was refused; nothing was recorded."),
            _ => Results.Ok(new { callId, claimId, version = outcome.Version, history = $"/api/claims/{callId}/{claimId}/history" })
        };
    }

    [WolverineGet("/api/claims/{callId}/{claimId}/history")]
    public static async Task<IResult> History(string callId, string claimId, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(callId, token: ct);
        return ClaimHistory.From(callId, claimId, events) is { } history
            ? Results.Ok(history)
            : Problems.NotFound($"Call \"{callId}\" has no claim \"{claimId}\".");
    }
}
