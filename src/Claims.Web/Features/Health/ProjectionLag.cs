using Claims.Domain;
using Marten;

namespace Claims.Web.Features.Health;

/// <summary>How far one async projection is behind the event log, and whether it is running.</summary>
public sealed record ProjectionLag(string Name, long Sequence, long Behind, string State, string? Reason, long Skipped)
{
    public const string Running = "running";
    public const string CatchingUp = "behind";
    public const string Stopped = "stopped";

    /// <summary>
    /// Every async projection's progress against the newest event: "running" when caught up, "behind" by N events while
    /// catching up, "stopped" when its agent paused or stopped (with the reason Marten recorded).
    /// </summary>
    public static async Task<IReadOnlyList<ProjectionLag>> ReadAsync(IDocumentStore store, CancellationToken ct)
    {
        var database = store.Storage.Database;
        var newest = await database.FetchHighestEventSequenceNumber(ct);
        var progress = (await database.AllProjectionProgress(ct)).ToDictionary(p => p.ShardName);
        // The async shards: the discrepancy index (a composite, with its stages) even before its first run, and any other
        // shard that has recorded progress. The high-water rows are the daemon's own bookkeeping.
        return progress.Keys.Where(name => !name.StartsWith("HighWater", StringComparison.Ordinal))
            .Append(ClaimsStore.DiscrepancyIndex + ":All").Distinct().Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var shard = progress.GetValueOrDefault(name);
                var sequence = shard?.Sequence ?? 0;
                var behind = Math.Max(0, newest - sequence);
                var status = shard?.AgentStatus?.ToString();
                var stopped = status is "Paused" or "Stopped";
                return new ProjectionLag(name, sequence, behind, stopped ? Stopped : behind > 0 ? CatchingUp : Running,
                    stopped ? shard?.PauseReason ?? status : null, shard?.SkippedEventsCount ?? 0);
            })
            .ToList();
    }

    /// <summary>The discrepancy index's lag alone, for the API's answers.</summary>
    public static async Task<ProjectionLag?> IndexAsync(IDocumentStore store, CancellationToken ct) =>
        (await ReadAsync(store, ct)).FirstOrDefault(l => l.Name.StartsWith(ClaimsStore.DiscrepancyIndex + ":", StringComparison.Ordinal));
}
