using System.Text.Json;
using Claims.Domain.Changes;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Marten;
using Wolverine.Marten;

namespace Claims.Web.Features.Claims;

public static class ClaimChanges
{
    public const string Correction = "correction";
    public const string Retraction = "retraction";
}

/// <summary>Correct or retract one claim; <paramref name="Body"/> holds the reason and, for a correction, the changed fields.</summary>
public sealed record ChangeClaim(string CallId, string ClaimId, string Change, JsonElement Body, string Editor, string Via);

/// <summary>The new version number, or why the change was refused.</summary>
public sealed record ChangeOutcome(int? Version, IReadOnlyList<Problem> Problems, string? NotFound, string? Conflict);

/// <summary>
/// The aggregate handler workflow on the call's stream, shared by the API and the editors' pages: the call is
/// fetched for writing, the decision is pure (<see cref="ClaimChange"/>), and a concurrent change to the same
/// call fails the version check (409).
/// </summary>
public static class ChangeClaimHandler
{
    public static (ChangeOutcome, Events) Handle(
        ChangeClaim command,
        [WriteAggregate(nameof(ChangeClaim.CallId), Required = false)] CallReconciliation? call,
        IDocumentSession session)
    {
        if (call?.Call is null) return (new ChangeOutcome(null, [], $"No call \"{command.CallId}\".", null), []);

        var decision = command.Change == ClaimChanges.Retraction
            ? ClaimChange.Retract(call, command.ClaimId, command.Body)
            : ClaimChange.Correct(call, command.ClaimId, command.Body);
        if (decision.Event is null) return (new ChangeOutcome(null, decision.Problems, decision.NotFound, decision.Conflict), []);

        session.LastModifiedBy = command.Editor;
        session.SetHeader("via", command.Via);
        return (new ChangeOutcome(call.Claim(command.ClaimId)!.Version + 1, [], null, null), [decision.Event]);
    }
}
