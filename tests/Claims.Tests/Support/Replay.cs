using Claims.Domain;
using Claims.Domain.Discrepancies;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Tests.Support;

/// <summary>
/// Replays events through a projection with no database: each event is wrapped as Marten would store it
/// (stream key, version, sequence, timestamp one minute apart, editor) and handed to the projection as one batch,
/// the way Marten hands it a slice. Given these events, expect this view.
/// </summary>
public static class Replay
{
    public static readonly DateTimeOffset Start = new(2025, 11, 24, 14, 0, 0, TimeSpan.Zero);

    public static TDoc? Project<TDoc>(SingleStreamProjection<TDoc, string> projection, string streamKey, params object[] events)
        where TDoc : class =>
        projection.DetermineAction(null, streamKey, Wrap(streamKey, events)).Item1;

    /// <summary>A separate view after each event: <c>Steps(...)[2]</c> is the view once the first three events are in.</summary>
    public static IReadOnlyList<TDoc?> Steps<TDoc>(SingleStreamProjection<TDoc, string> projection, string streamKey, params object[] events)
        where TDoc : class =>
        Enumerable.Range(1, events.Length).Select(n => Project(projection, streamKey, events[..n])).ToList();

    /// <summary>The index's ledger of a call after one more batch of events on <paramref name="before"/>, which it
    /// updates in place, as the daemon does with the ledger it has just read.</summary>
    public static CallLedger Ledger(CallLedger? before, string callId, params object[] events) =>
        new CallLedgerProjection().DetermineAction(before, callId, Wrap(callId, events)).Item1!;

    public static IReadOnlyList<IEvent> Wrap(string streamKey, params object[] events) =>
        StoredEvents.Wrap(streamKey, events, i => Start.AddMinutes(i), "replay");
}
