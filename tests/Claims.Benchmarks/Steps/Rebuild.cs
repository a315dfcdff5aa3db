using System.Diagnostics;
using Claims.Benchmarks.Measuring;
using Claims.Domain;
using Claims.Web.Commands;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;

namespace Claims.Benchmarks.Steps;

/// <summary>Each projection's own rebuild time (they overlap) and the wall time of rebuilding them all.</summary>
public sealed record RebuildRun(IReadOnlyList<(string Projection, double Seconds)> Projections, double Seconds, long Events, double ReadOnlySeconds)
{
    /// <summary>The daemon reading the whole log and writing nothing (<see cref="EventLogPass"/>).</summary>
    public double ReadOnlyEventsPerSecond => Events / ReadOnlySeconds;
    public double EventsPerSecond => Events / Seconds;
}

/// <summary>
/// Rebuilds every registered projection from the whole event log the way the program's <c>projections rebuild</c>
/// command does (JasperFx starts them all at once: "Rebuilding with a maximum of 12 concurrent projection(s)"; the search
/// entries' indexes set aside and built at the end, <see cref="RebuildIndexesAside"/>), in this
/// process with the program's own store configuration (the serving program is stopped first, so its daemon does not compete).
/// </summary>
public static class Rebuild
{
    /// <summary>The search entries' indexes built after the projections, reported beside them.</summary>
    public const string IndexesBuilt = "search indexes built after";

    public static async Task<RebuildRun> Run(BenchDatabase db, string schema)
    {
        // Fresh planner statistics first: right after a bulk load PostgreSQL can pick plans up to 10x slower.
        await db.Execute($"analyze {schema}.mt_events; analyze {schema}.mt_streams");
        var events = await db.Scalar<long>($"select count(*) from {schema}.mt_events");

        // Marten warns that this store runs no async daemon (true: only rebuilds run here); keep that out of the report.
        var (output, errors) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        DocumentStore store;
        IProjectionDaemon daemon;
        try
        {
            store = DocumentStore.For(opts =>
            {
                ClaimsStore.Configure(opts, db.ConnectionString, schema);
                opts.Projections.Add(new EventLogPass { Options = { BatchSize = ClaimsStore.EventPage } }, ProjectionLifecycle.Async);
            });
            daemon = await store.BuildProjectionDaemonAsync();
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(errors);
        }
        using var _ = store;
        using var __ = daemon;
        var timings = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        var names = store.Options.Projections.All.Select(p => p.Name).Where(n => n != EventLogPass.ProjectionName).ToList();
        var wall = Stopwatch.StartNew();
        // As the command does, the search entries' GIN indexes are set aside while the projections write, and built at the end.
        var aside = await RebuildIndexesAside.SetAsideAsync(store, db.ConnectionString);
        try
        {
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = names.Count }, async (name, ct) =>
            {
                var clock = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
                timings[name] = clock.Elapsed.TotalSeconds;
            });
        }
        finally
        {
            var indexes = Stopwatch.StartNew();
            if (!await aside.RestoreAsync()) throw new BenchFailure("the search entries' indexes could not be built again after the rebuild");
            timings[IndexesBuilt] = indexes.Elapsed.TotalSeconds;
        }
        names.Add(IndexesBuilt);
        var seconds = wall.Elapsed.TotalSeconds;

        var pass = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync(EventLogPass.ProjectionName, TimeSpan.FromMinutes(30), CancellationToken.None);
        return new RebuildRun(names.Select(n => (n, timings[n])).ToList(), seconds, events, pass.Elapsed.TotalSeconds);
    }
}
