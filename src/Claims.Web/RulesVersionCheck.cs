using Claims.Domain.Reconciliation;
using Marten;
using Marten.Linq.MatchesSql;

namespace Claims.Web;

/// <summary>
/// Warns at start when stored call views were derived by older reconciliation rules (a database written before an
/// upgrade): their answers stay those of the old rules until an operator replays the events with
/// <c>projections rebuild</c>, which rewrites the views and never the events.
/// </summary>
public sealed class RulesVersionCheck(IDocumentStore store, ILogger<RulesVersionCheck> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (await Outdated(store, ct))
            log.LogWarning("Some stored call views were derived by older reconciliation rules (before version {Version}). " +
                           "Run `projections rebuild` to replay the events under the current rules; see docs/operations.md, \"Upgrading\".",
                Reconciler.RulesVersion);
        else if (await SearchIndexEmpty(store, ct))
            log.LogWarning("Calls are stored but the search index holds none of them (a database written before search covered every claim and text): " +
                           "search and the discrepancies' text filter find nothing until `projections rebuild` fills it; see docs/operations.md, \"Upgrading\".");
    }

    /// <summary>
    /// Whether the async index has projected events (so it is not merely yet to run, as after an import by the command
    /// line) and the search index is still empty while calls are stored: the search stage was added to the index after
    /// those events, and only a rebuild replays them through it.
    /// </summary>
    public static async Task<bool> SearchIndexEmpty(IDocumentStore store, CancellationToken ct)
    {
        var progress = await store.Storage.Database.AllProjectionProgress(ct);
        if (!progress.Any(p => p.ShardName.StartsWith(Claims.Domain.ClaimsStore.DiscrepancyIndex, StringComparison.Ordinal) && p.Sequence > 0)) return false;
        await using var session = store.QuerySession();
        return await session.Query<CallReconciliation>().AnyAsync(ct) && !await session.Query<Claims.Domain.Search.SearchEntry>().AnyAsync(ct);
    }

    /// <summary>Whether any stored call view predates the current rules (a view from version 1 has no rules version).</summary>
    public static async Task<bool> Outdated(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<CallReconciliation>()
            .Where(c => c.MatchesSql("coalesce((d.data ->> 'rulesVersion')::int, 1) < ?", Reconciler.RulesVersion))
            .AnyAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
