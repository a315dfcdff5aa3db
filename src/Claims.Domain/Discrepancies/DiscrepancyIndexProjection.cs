using Claims.Domain.Indexing;
using Claims.Domain.Reconciliation;
using JasperFx.Events;

namespace Claims.Domain.Discrepancies;

/// <summary>
/// The second stage of the discrepancy index: each updated <see cref="CallLedger"/> fans out to one row per
/// topic the call ever had. A row is rebuilt whole from the ledger each time, so a topic that stops being a
/// discrepancy (after a correction or retraction) simply has its row deleted.
/// </summary>
public sealed class DiscrepancyIndexProjection : CallIndexProjection<DiscrepancyRow>
{
    public DiscrepancyIndexProjection()
    {
        Identities<Updated<CallLedger>>(u => u.Entity.TopicsEverSeen.Select(t => DiscrepancyRow.RowId(u.Entity.Id, t)).ToArray());
    }

    protected override DiscrepancyRow? Build(CallLedger call, string id) => DiscrepancyRow.From(call, id[(call.Id.Length + 1)..]);
}
