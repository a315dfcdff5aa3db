using System.Diagnostics;
using Claims.Benchmarks.Measuring;
using Claims.Domain;
using JasperFx.Events.Daemon;
using Marten;

namespace Claims.Benchmarks.Steps;

public sealed record RebuildRun(IReadOnlyList<(string Projection, double Seconds)> Projections, long Events)
{
    public double Seconds => Projections.Sum(p => p.Seconds);
    public double EventsPerSecond => Events / Seconds;
}

/// <summary>
/// Rebuilds every registered projection from the whole event log, one after another, in this process with the
/// program's own store configuration (the serving program is stopped first, so its daemon does not compete).
/// </summary>
public static class Rebuild
{
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
            store = DocumentStore.For(opts => ClaimsStore.Configure(opts, db.ConnectionString, schema));
            daemon = await store.BuildProjectionDaemonAsync();
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(errors);
        }
        using var _ = store;
        using var __ = daemon;
        var timings = new List<(string, double)>();
        foreach (var name in store.Options.Projections.All.Select(p => p.Name))
        {
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), CancellationToken.None);
            timings.Add((name, clock.Elapsed.TotalSeconds));
        }
        return new RebuildRun(timings, events);
    }
}
