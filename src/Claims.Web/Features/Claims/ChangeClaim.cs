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

/// <summary>
/// Correct or retract one claim; <paramref name="Body"/> holds the reason and, for a correction, the changed fields;
/// <paramref name="ExpectedVersion"/> the claim's version the change was made against (every change names one).
/// </summary>
public sealed record ChangeClaim(string CallId, string ClaimId, string Change, JsonElement Body, string Editor, string Via, int ExpectedVersion);

/// <summary>
/// The new version number, or why the change was refused; <paramref name="CurrentVersion"/> is set when the change
/// was made against an older version than the claim's current one (nothing is then appended).
/// </summary>
public sealed record ChangeOutcome(int? Version, IReadOnlyList<Problem> Problems, string? NotFound, string? Conflict, int? CurrentVersion = null);

/// <summary>
/// The aggregate handler workflow on the call's stream, shared by the API and the editors' pages: the call is
/// fetched for writing with its stream row locked, so concurrent changes to one call queue up and each is decided
/// against the state the one before it left (none fails and none is retried), and the decision is pure
/// (<see cref="ClaimChange"/>).
/// </summary>
public static class ChangeClaimHandler
{
    public static (ChangeOutcome, Events) Handle(
        ChangeClaim command,
        [WriteAggregate(nameof(ChangeClaim.CallId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] CallReconciliation? call,
        IDocumentSession session)
    {
        if (call?.Call is null) return (new ChangeOutcome(null, [], $"No call \"{command.CallId}\".", null), []);
        // A change made against an older version would overwrite what another editor did since: refused, never merged.
        if (call.Claim(command.ClaimId) is { } now && now.Version != command.ExpectedVersion)
            return (new ChangeOutcome(null, [], null,
                $"Claim \"{command.ClaimId}\" is at version {now.Version}; this change was made against version {command.ExpectedVersion}. Nothing was recorded: look at what changed since, then redo the change against version {now.Version}.",
                now.Version), []);

        var decision = command.Change == ClaimChanges.Retraction
            ? ClaimChange.Retract(call, command.ClaimId, command.Body)
            : ClaimChange.Correct(call, command.ClaimId, command.Body);
        if (decision.Event is null) return (new ChangeOutcome(null, decision.Problems, decision.NotFound, decision.Conflict), []);

        session.LastModifiedBy = command.Editor;
        session.SetHeader("via", command.Via);
        return (new ChangeOutcome(call.Claim(command.ClaimId)!.Version + 1, [], null, null), [decision.Event]);
    }
}
