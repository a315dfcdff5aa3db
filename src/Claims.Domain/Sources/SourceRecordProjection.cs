using Claims.Domain.Discrepancies;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Claims.Domain.Sources;

/// <summary>Second stage of the async index: each updated call state rewrites the record of every source in that call.</summary>
public sealed class SourceRecordProjection : MultiStreamProjection<SourceRecord, string>
{
    public SourceRecordProjection()
    {
        Identities<Updated<CallLedger>>(u =>
            u.Entity.Accounts.Select(a => a.Source.Id).Distinct().Select(s => SourceRecord.RecordId(s, u.Entity.Id)).ToArray());
    }

    public override SourceRecord? Evolve(SourceRecord? record, string id, IEvent e) => e.Data switch
    {
        Updated<CallLedger> updated => SourceRecord.From(updated.Entity, id[..id.IndexOf('/')]),
        _ => record
    };
}
