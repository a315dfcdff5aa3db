using System.Text.Json;
using Claims.Domain.Discrepancies;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Projections;

namespace Claims.Domain.Indexing;

/// <summary>
/// A second stage of the async index: documents rebuilt whole from each updated <see cref="CallLedger"/> (the
/// discrepancy rows, the search entries, the sources' records). A change to a call touches few of its documents (a
/// claim recorded on one topic changes that topic's row and entry, not the others'), so a document rebuilt the same as
/// the one stored is left as it is: nothing is written, and its indexes are not rewritten either.
/// </summary>
public abstract class CallIndexProjection<TDoc> : MultiStreamProjection<TDoc, string> where TDoc : class
{
    /// <summary>The document with this id as the call stands, or null when the call has none (it is then deleted).</summary>
    protected abstract TDoc? Build(CallLedger call, string id);

    public override (TDoc?, ActionType) DetermineAction(TDoc? stored, string id, IReadOnlyList<IEvent> events)
    {
        // Each update carries the call's whole state: the batch's last one decides.
        if (events.LastOrDefault(e => e.Data is Updated<CallLedger>)?.Data is not Updated<CallLedger> updated) return (stored, ActionType.Nothing);
        var built = Build(updated.Entity, id);
        if (built is null) return (null, stored is null ? ActionType.Nothing : ActionType.Delete);
        return stored is not null && Same(stored, built) ? (stored, ActionType.Nothing) : (built, ActionType.Store);
    }

    private static readonly JsonSerializerOptions Json = new();

    /// <summary>Whether two documents would be stored alike (compared as JSON: every stored field, and what the duplicated columns derive from).</summary>
    private static bool Same(TDoc a, TDoc b) =>
        JsonSerializer.SerializeToUtf8Bytes(a, Json).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, Json));
}
