using System.Text.Json.Serialization;
using Claims.Domain.Alerts;
using Claims.Domain.Indexing;
using Claims.Domain.Reconciliation;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Aggregation;

namespace Claims.Domain.Discrepancies;

/// <summary>
/// The asynchronous twin of <see cref="CallReconciliation"/>: the same state, built by the daemon as the first
/// stage of the discrepancy index, so the index never reads the inline view at a moment it does not match.
/// </summary>
public sealed class CallLedger : CallReconciliation
{
    /// <summary>The discrepancy findings before the batch of events just applied (kept in memory for the side effects only).</summary>
    [JsonIgnore] internal Dictionary<string, (string Topic, Finding Finding)>? FindingsBefore { get; set; }
    [JsonIgnore] internal IReadOnlyList<IEvent> BatchEvents { get; set; } = [];

    /// <summary>The index documents the batch of events just applied changed, by kind and id (null to delete one); null
    /// when the call is new to the index, so that every document it has is written (see <see cref="IndexedDocuments"/>).</summary>
    [JsonIgnore] internal Dictionary<string, object?>? Changes { get; set; }

    /// <summary>
    /// The digest of each of the call's index documents as the second stage stored them, by <see cref="IndexedKind.Key"/>:
    /// the next batch compares its documents with these instead of building the ones before it again (nearly half of
    /// the first stage's time). Null for a call new to the index, and in a ledger stored before digests were kept; they
    /// are then worked out from the state.
    /// </summary>
    public Dictionary<string, string>? IndexDigests { get; set; }
}

/// <summary>
/// The call's state for the index, and the alerts: after each batch of a call's events (never in a rebuild, where
/// Marten raises no side effects) the findings that appeared or disappeared are stored as <see cref="DiscrepancyAlert"/>
/// documents and published, in the daemon's own transaction, as one <see cref="AlertsRaised"/> message.
/// </summary>
public sealed class CallLedgerProjection : CallStateProjection<CallLedger>
{
    /// <summary>
    /// Kept out of the composite's single-pass replay: that replay, which the daemon starts when the index has no
    /// progress yet but events exist (a database filled by the import command before the tracker first served),
    /// leaves the composite in catch-up mode when it ends, and Marten raises no side effect in that mode, so no
    /// alert would ever be raised again. Without it the daemon catches up as it runs, raising the alerts of what
    /// it catches up on, as for changes made while it serves.
    /// </summary>
    public override bool CanParticipateInCompositeReplay => false;

    public override (CallLedger?, ActionType) DetermineAction(CallLedger? view, string id, IReadOnlyList<IEvent> events)
    {
        var before = FindingChanges.Of(view);
        var stored = view is null ? null : view.IndexDigests ?? IndexedDocuments.DigestsOf(view);
        var (after, action) = base.DetermineAction(view, id, events);
        if (after is not null)
        {
            after.FindingsBefore = before;
            after.BatchEvents = events;
            (after.Changes, after.IndexDigests) = stored is null ? (null, null) : IndexedDocuments.Compare(after, stored);
        }
        return (after, action);
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<CallLedger> slice)
    {
        if (slice.Snapshot is not { FindingsBefore: { } before } ledger) return ValueTask.CompletedTask;
        var alerts = FindingChanges.Between(before, ledger, ledger.BatchEvents);
        ledger.FindingsBefore = null;
        ledger.BatchEvents = [];
        if (alerts.Count == 0) return ValueTask.CompletedTask;
        operations.Store(alerts.ToArray());
        slice.PublishMessage(new AlertsRaised(alerts));
        return ValueTask.CompletedTask;
    }
}
