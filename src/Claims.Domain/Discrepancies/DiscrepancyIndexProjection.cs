using Claims.Domain.Indexing;

namespace Claims.Domain.Discrepancies;

/// <summary>
/// The second stage of the discrepancy index: one row per topic of a call that is a discrepancy. A row is rebuilt whole
/// from the call's state, so a topic that stops being a discrepancy (after a correction or retraction) has its row deleted.
/// </summary>
public sealed class DiscrepancyIndexProjection() : CallIndexProjection<DiscrepancyRow>(IndexedDocuments.Rows);
