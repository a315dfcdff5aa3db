namespace Claims.Domain.Reconciliation;

/// <summary>
/// Re-derives a state's computed values at most once per change, on the first read after it. Projections apply a
/// call's events one at a time; reconciling after each of them cost a third of the import's CPU. Readers may share
/// one state (the discrepancy index's two second-stage projections read the same call), so the first reader
/// recomputes under a lock and the others wait for it rather than read half-derived values.
/// </summary>
public sealed class Staleness
{
    private readonly Lock _gate = new();
    private volatile bool _stale;

    public void Mark() => _stale = true;

    public void Refresh<T>(T state, Action<T> recompute)
    {
        if (!_stale) return;
        lock (_gate)
        {
            if (!_stale) return;
            recompute(state);
            _stale = false;
        }
    }
}
