using System.Text.Json;
using Claims.Domain.Changes;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Marten;
using Wolverine.Marten;

namespace Claims.Web.Features.Accounts;

/// <summary>Revise one account's text; <paramref name="Body"/> holds the new text, the reason and when the source published the change.</summary>
public sealed record ReviseAccount(string CallId, string AccountId, JsonElement Body, string Editor, string Via, int ExpectedVersion);

/// <summary>
/// The version the text now has (unchanged when it was the current text already), the claims it orphaned, or why not;
/// <paramref name="CurrentVersion"/> when the revision was made against an older version of the text (nothing appended).
/// </summary>
public sealed record RevisionOutcome(
    int? Version, bool Unchanged, IReadOnlyList<string> Orphaned, IReadOnlyList<Problem> Problems, string? NotFound, int? CurrentVersion = null);

/// <summary>
/// The aggregate handler workflow on the call's stream, as for claims: the call is fetched for writing with its stream
/// row locked, so a revision is decided against the text as the change before it left it (<see cref="AccountRevision"/>).
/// </summary>
public static class ReviseAccountHandler
{
    public static (RevisionOutcome, Events) Handle(
        ReviseAccount command,
        [WriteAggregate(nameof(ReviseAccount.CallId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] CallReconciliation? call,
        IDocumentSession session)
    {
        if (call?.Call is null) return (new RevisionOutcome(null, false, [], [], $"No call \"{command.CallId}\"."), []);
        // Revised against an older version, the new text would silently undo another editor's revision.
        if (call.Account(command.AccountId) is { } account && account.TextVersions().Count is var current && current != command.ExpectedVersion)
            return (new RevisionOutcome(null, false, [], [], null, current), []);

        var decision = AccountRevision.Revise(call, command.AccountId, command.Body);
        if (decision.NotFound is not null || decision.Problems.Count > 0)
            return (new RevisionOutcome(null, false, [], decision.Problems, decision.NotFound), []);
        if (decision.Event is null) return (new RevisionOutcome(decision.Version, true, [], [], null), []);

        session.LastModifiedBy = command.Editor;
        session.SetHeader("via", command.Via);
        return (new RevisionOutcome(decision.Version, false, decision.Orphaned, [], null), [decision.Event]);
    }
}
