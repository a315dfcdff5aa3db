using Claims.Domain.Reconciliation;
using Marten;

namespace Claims.Web.Features.Calls;

/// <summary>Reads one call's view as the API and the pages show it, with the calls tied to it either way.</summary>
public static class CallViews
{
    /// <summary>
    /// The call's state now, or as recorded at <paramref name="recordedAsOf"/> (its events stored by then, replayed through
    /// the same projection by Marten), and the stored calls it names or that name it. Null when there is no such call.
    /// </summary>
    public static async Task<(CallReconciliation State, IReadOnlyList<CallReconciliation> Others)?> LoadAsync(
        IQuerySession session, string id, DateTimeOffset? recordedAsOf, CancellationToken ct)
    {
        var state = recordedAsOf is null
            ? await session.LoadAsync<CallReconciliation>(id, ct)
            // PostgreSQL's timestamptz takes UTC instants only; an instant with an offset is the same instant in UTC.
            : await session.Events.AggregateStreamAsync<CallReconciliation>(id, timestamp: recordedAsOf.Value.ToUniversalTime(), token: ct);
        if (state?.Call is null) return null;

        var named = state.LinkedCalls.Count == 0 ? [] : await session.LoadManyAsync<CallReconciliation>(ct, state.LinkedCalls);
        var naming = await session.Query<CallReconciliation>().WhereSql("d.linked_calls @> array[?]::text[]", id).ToListAsync(ct);
        var others = named.Concat(naming).Where(o => o.Id != id).DistinctBy(o => o.Id).ToList();
        return (state, others);
    }
}
