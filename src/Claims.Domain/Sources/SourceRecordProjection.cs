using Claims.Domain.Discrepancies;
using Claims.Domain.Indexing;
using JasperFx.Events;

namespace Claims.Domain.Sources;

/// <summary>Second stage of the async index: each updated call state rewrites the record of every source in that call.</summary>
public sealed class SourceRecordProjection : CallIndexProjection<SourceRecord>
{
    public SourceRecordProjection()
    {
        Identities<Updated<CallLedger>>(u =>
            u.Entity.Accounts.Select(a => a.Source.Id).Distinct().Select(s => SourceRecord.RecordId(s, u.Entity.Id)).ToArray());
    }

    protected override SourceRecord? Build(CallLedger call, string id) => SourceRecord.From(call, id[..id.IndexOf('/')]);
}
