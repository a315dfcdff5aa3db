using Claims.Domain.Reconciliation;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Claims.Domain.Discrepancies;

/// <summary>
/// The second stage of the discrepancy index: each updated <see cref="CallLedger"/> fans out to one row per
/// topic the call ever had. A row is rebuilt whole from the ledger each time, so a topic that stops being a
/// discrepancy (after a correction or retraction) simply has its row deleted.
/// </summary>
public sealed class DiscrepancyIndexProjection : MultiStreamProjection<DiscrepancyRow, string>
{
    public DiscrepancyIndexProjection()
    {
        Identities<Updated<CallLedger>>(u => u.Entity.TopicsEverSeen.Select(t => DiscrepancyRow.RowId(u.Entity.Id, t)).ToArray());
    }

    public override DiscrepancyRow? Evolve(DiscrepancyRow? row, string id, IEvent e) => e.Data switch
    {
        Updated<CallLedger> updated => DiscrepancyRow.From(updated.Entity, id[(updated.Entity.Id.Length + 1)..]),
        _ => row
    };
}
