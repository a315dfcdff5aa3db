using Claims.Domain.Reconciliation;

namespace Claims.Domain.Discrepancies;

/// <summary>
/// The asynchronous twin of <see cref="CallReconciliation"/>: the same state, built by the daemon as the first
/// stage of the discrepancy index, so the index never reads the inline view at a moment it does not match.
/// </summary>
public sealed class CallLedger : CallReconciliation;

public sealed class CallLedgerProjection : CallStateProjection<CallLedger>;
