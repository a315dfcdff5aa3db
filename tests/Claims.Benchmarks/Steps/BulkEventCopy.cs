using System.Diagnostics;
using Claims.Benchmarks.Measuring;
using Claims.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// A second ceiling, between raw COPY and the import: the events the import wrote, copied into a fresh event
/// store with Marten's own bulk path (<c>BulkInsertEventStreamAsync</c>, binary COPY in one transaction). It writes
/// events only: no inline views, no checks. The import does not use this path because it moves the daemon's
/// high-water mark past any append still in flight from another writer, and the async index would then skip it.
/// </summary>
public static class BulkEventCopy
{
    private const string NoTenant = "*DEFAULT*";   // Marten's tenant id in a store without tenancy

    public static async Task<double> Run(BenchDatabase db, string fromSchema, string toSchema)
    {
        var (output, errors) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Null);   // Marten's notes about a store without a daemon
        Console.SetError(TextWriter.Null);
        try
        {
            using var source = DocumentStore.For(opts => ClaimsStore.Configure(opts, db.ConnectionString, fromSchema));
            IReadOnlyList<IEvent> events;
            await using (var session = source.QuerySession())
                events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
            var headers = events.GroupBy(e => e.StreamKey!)
                .Select(s => new BulkEventStreamHeader { Key = s.Key, Version = s.Max(e => e.Version) }).ToList();

            using var target = DocumentStore.For(opts => ClaimsStore.Configure(opts, db.ConnectionString, toSchema));
            await target.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var clock = Stopwatch.StartNew();
            await target.BulkInsertEventStreamAsync(NoTenant, headers, Each(events), 10_000);
            clock.Stop();
            await db.DropSchema(toSchema);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(errors);
        }
    }

    private static async IAsyncEnumerable<IEvent> Each(IEnumerable<IEvent> events)
    {
        foreach (var e in events) yield return e;
        await Task.CompletedTask;
    }
}
