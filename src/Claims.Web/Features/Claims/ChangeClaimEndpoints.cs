using System.Security.Claims;
using System.Text.Json;
using Claims.Domain.Changes;
using Claims.Domain.Reconciliation;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Claims.Web.Features.Claims;

/// <summary>
/// Corrections and retractions, each through the aggregate handler workflow on the call's stream: the call is
/// fetched for writing (404 when unknown), the decision is pure, and a concurrent change to the same call is a 409.
/// </summary>
public static class ChangeClaimEndpoints
{
    [WolverinePost("/api/claims/{callId}/{claimId}/corrections")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<(IResult, Events)> Correct(
        string claimId, HttpRequest request, ClaimsPrincipal user, IDocumentSession session,
        [WriteAggregate("callId")] CallReconciliation call, CancellationToken ct)
    {
        var body = await Body.ReadAsync(request, ct);
        return body.Problem is not null
            ? (body.Problem, [])
            : Respond(ClaimChange.Correct(call, claimId, body.Json), call, claimId, user, session);
    }

    [WolverinePost("/api/claims/{callId}/{claimId}/retraction")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<(IResult, Events)> Retract(
        string claimId, HttpRequest request, ClaimsPrincipal user, IDocumentSession session,
        [WriteAggregate("callId")] CallReconciliation call, CancellationToken ct)
    {
        var body = await Body.ReadAsync(request, ct);
        return body.Problem is not null
            ? (body.Problem, [])
            : Respond(ClaimChange.Retract(call, claimId, body.Json), call, claimId, user, session);
    }

    private static (IResult, Events) Respond(ChangeDecision decision, CallReconciliation call, string claimId, ClaimsPrincipal user, IDocumentSession session)
    {
        if (decision.NotFound is { } notFound) return (Problems.NotFound(notFound), []);
        if (decision.Conflict is { } conflict) return (Results.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict"), []);
        if (decision.Event is null) return (Problems.Invalid(decision.Problems, "The change was refused; nothing was recorded."), []);

        session.LastModifiedBy = user.EditorName();
        session.SetHeader("via", "http");
        var version = call.Claim(claimId)!.Version + 1;
        return (Results.Ok(new { callId = call.Id, claimId, version, history = $"/api/claims/{call.Id}/{claimId}/history" }), [decision.Event]);
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
