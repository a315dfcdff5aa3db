using Claims.Domain.Discrepancies;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Claims.Domain.Sources;

/// <summary>Second stage of the async index: each updated call state updates the record of every source in it.</summary>
public sealed class SourceRecordProjection : MultiStreamProjection<SourceRecord, string>
{
    public SourceRecordProjection()
    {
        Identities<Updated<CallLedger>>(u => u.Entity.Accounts.Select(a => a.Source.Id).Distinct().ToArray());
    }

    public override SourceRecord? Evolve(SourceRecord? record, string id, IEvent e)
    {
        if (e.Data is not Updated<CallLedger> updated) return record;
        record ??= new SourceRecord { Id = id };
        record.Update(updated.Entity);
        return record;
    }
}
