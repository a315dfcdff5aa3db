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
