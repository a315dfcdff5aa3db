using Claims.Domain.Calls;
using Marten;

namespace Claims.Web.Features.Calls;

/// <summary>
/// Every call's id in the list's order (newest first, then by id), kept for as long as the database has committed
/// nothing new. A page deep into the unfiltered list is then a slice of this list: read from the index it walks every
/// entry before it (35 ms for the last page of 44,000 calls, several times that under load). What the database shows
/// is keyed by its snapshot (<c>pg_current_snapshot()</c>, which moves with every transaction that writes), read before
/// the ids: an order kept under a snapshot is never older than that snapshot.
/// </summary>
public sealed class CallOrder : IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Kept? _kept;

    private sealed record Kept(string Schema, string Snapshot, IReadOnlyList<string> Ids);

    public async Task<IReadOnlyList<string>> IdsAsync(IQuerySession session, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var snapshot = (await session.QueryAsync<string>("select pg_current_snapshot()::text", ct))[0];
        if (_kept is { } kept && kept.Schema == schema && kept.Snapshot == snapshot) return kept.Ids;

        // One reader at a time reads the order; the others wait for it and take it when it answers their snapshot.
        await _reading.WaitAsync(ct);
        try
        {
            if (_kept is { } again && again.Schema == schema && again.Snapshot == snapshot) return again.Ids;
            var ids = await CallQuery.OrderedIds(session.Query<CallSummary>()).ToListAsync(ct);
            _kept = new Kept(schema, snapshot, ids);
            return ids;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();
}
