using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// The mixed reads alone, at 8 and 32 clients, on a schema an earlier run kept: a change to a read path is measured
/// in minutes instead of the hour a million-claim run takes to import and index.
/// </summary>
public static class ReadsOnly
{
    public static async Task Run(BenchSettings settings, BenchDatabase db, string schema)
    {
        var callIds = await KeptSchema.CallIds(db, schema);
        Console.WriteLine($"[{schema}] {callIds.Count:N0} calls");

        using var server = await AppServer.Start(settings, schema, $"serve-{schema}.log");
        await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        foreach (var clients in new[] { 8, 32 })
            Console.WriteLine($"[{schema}] " + MixedReads.Describe(await MixedReads.Run(server, db, schema, callIds, clients, settings.QueryRequests * 12)));
    }
}
