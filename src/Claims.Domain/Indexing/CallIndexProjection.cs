using Claims.Domain.Discrepancies;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Projections;

namespace Claims.Domain.Indexing;

/// <summary>
/// A second stage of the async index: the documents of one <see cref="IndexedKind"/> that the first stage found changed
/// in each updated <see cref="CallLedger"/> (<see cref="IndexedDocuments"/>), or every document of a call new to the
/// index. Only those are read and written; the others stay as stored.
/// </summary>
public abstract class CallIndexProjection<TDoc> : MultiStreamProjection<TDoc, string> where TDoc : class
{
    private readonly IndexedKind _kind;

    protected CallIndexProjection(IndexedKind kind)
    {
        _kind = kind;
        var prefix = kind.Key("");
        Identities<Updated<CallLedger>>(u => u.Entity.Changes is { } changes
            ? changes.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToArray()
            : kind.Ids(u.Entity).ToArray());
    }

    public override (TDoc?, ActionType) DetermineAction(TDoc? stored, string id, IReadOnlyList<IEvent> events)
    {
        // Each update carries the call's whole state: the batch's last one decides.
        if (events.LastOrDefault(e => e.Data is Updated<CallLedger>)?.Data is not Updated<CallLedger> { Entity: var call }) return (stored, ActionType.Nothing);
        object? doc;
        if (call.Changes is null) doc = _kind.Build(call, id);
        else if (!call.Changes.TryGetValue(_kind.Key(id), out doc)) return (stored, ActionType.Nothing);
        if (doc is null) return (null, stored is null ? ActionType.Nothing : ActionType.Delete);
        return ((TDoc)doc, ActionType.Store);
    }
}
