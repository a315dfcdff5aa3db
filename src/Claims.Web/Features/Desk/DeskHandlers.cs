using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using Claims.Web.Features.Import;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Claims.Web.Features.Desk;

/// <summary>
/// The aggregate handler workflow on the call's stream, as for imports: the call is fetched for writing with its
/// stream row locked, so two editors adding to one call at once queue up and each is decided against what the other
/// left; the decision is pure (<see cref="DossierItemImport"/>). Shared by the API and the editors' pages.
/// </summary>
public static class CreateCallHandler
{
    public static (DeskOutcome, Events) Handle(
        CreateCall command,
        [WriteAggregate(nameof(CreateCall.CallId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] CallReconciliation? call,
        IDocumentSession session)
    {
        var decision = DossierItemImport.Call(command.Call, call, DateTimeOffset.UtcNow);
        var outcome = DeskOutcome.Of(decision, command.Call.Id, (call?.Version ?? 0) + decision.Appended);
        return (outcome, Desk.Append(session, command.Editor, command.Via, decision, outcome));
    }
}

public static class PublishAccountHandler
{
    public static async Task<StoredSources> LoadAsync(PublishAccount command, IQuerySession session, CancellationToken ct) =>
        new(await session.LoadAsync<SourceProfile>(SourceStream.Key(command.Account.Source), ct) is { } source
            ? new Dictionary<string, SourceProfile> { [source.SourceId] = source }
            : []);

    public static (DeskOutcome, Events) Handle(
        PublishAccount command,
        [WriteAggregate(nameof(PublishAccount.CallId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] CallReconciliation? call,
        StoredSources sources,
        IDocumentSession session)
    {
        if (call?.Call is null) return (DeskOutcome.Missing(command.CallId, command.Account.Id), []);
        if (command.ExpectedVersion is { } expected && expected != call.Version) return (DeskOutcome.Stale(call.Id, command.Account.Id, call.Version), []);
        var decision = DossierItemImport.Account(command.Account, call, sources.ById, DateTimeOffset.UtcNow);
        var outcome = DeskOutcome.Of(decision, command.Account.Id, command.Account.Texts.Count);
        return (outcome, Desk.Append(session, command.Editor, command.Via, decision, outcome));
    }
}

public static class RecordClaimHandler
{
    public static (DeskOutcome, Events) Handle(
        RecordClaim command,
        [WriteAggregate(nameof(RecordClaim.CallId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] CallReconciliation? call,
        IDocumentSession session)
    {
        if (call?.Call is null) return (DeskOutcome.Missing(command.CallId, command.Claim.Id), []);
        if (command.ExpectedVersion is { } expected && expected != call.Version) return (DeskOutcome.Stale(call.Id, command.Claim.Id, call.Version), []);
        var decision = DossierItemImport.Claim(command.Claim, call, DateTimeOffset.UtcNow);
        var outcome = DeskOutcome.Of(decision, command.Claim.Id, call.Claim(command.Claim.Id)?.Version ?? 1);
        return (outcome, Desk.Append(session, command.Editor, command.Via, decision, outcome));
    }
}

/// <summary>A source has a stream of its own; two editors registering one at once collide, and the loser's retry sees it stored.</summary>
public static class RegisterSourceHandler
{
    public static async Task<(DeskOutcome, IMartenOp)> Handle(RegisterSource command, IDocumentSession session, CancellationToken ct)
    {
        var s = command.Source;
        var stored = await session.LoadAsync<SourceProfile>(SourceStream.Key(s.Id), ct);
        if (stored is null)
        {
            session.LastModifiedBy = command.Editor;
            session.SetHeader("via", command.Via);
            return (new DeskOutcome("", s.Id, 1, 1, [], [], []), new StartSourceStreams([new SourceRegistered(s.Id, s.Name, s.Side, s.Kind)]));
        }
        var conflict = DossierImport.SourceConflict(stored, s);
        return (new DeskOutcome("", s.Id, 0, conflict is null ? 1 : null, [], conflict is null ? [] : [new Problem("$", conflict)], []), MartenOps.Nothing());
    }
}

internal static class Desk
{
    /// <summary>The decision's events under the editor's name, with its warnings kept beside them; none when refused.</summary>
    public static Events Append(IDocumentSession session, string editor, string via, ImportDecision decision, DeskOutcome outcome)
    {
        if (outcome.Refused || outcome.Appended == 0) return [];
        session.LastModifiedBy = editor;
        session.SetHeader("via", via);
        if (outcome.ToKeep(editor, via) is { } kept) session.Store(kept);
        return [.. decision.CallEvents];
    }
}
