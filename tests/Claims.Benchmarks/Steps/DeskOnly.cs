using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// The desk alone, on a schema an earlier run kept (--desk SCHEMA): claims recorded at 8 clients on random calls, as
/// the full run records them, first a round to warm the program up and then the measured one, so that a change to the
/// write path is measured in a minute.
/// </summary>
public static class DeskOnly
{
    public static async Task Run(BenchSettings settings, BenchDatabase db, string schema)
    {
        var calls = await KeptSchema.CallAccounts(db, schema);
        Console.WriteLine($"[{schema}] {calls.Count:N0} calls");
        var random = new Random(BenchSettings.Seed);
        var stamp = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        List<(string, string)> Targets(int count) => [.. Enumerable.Range(0, count).Select(_ => calls[random.Next(calls.Count)])];

        using var server = await AppServer.Start(settings, schema, $"serve-{schema}.log");
        await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        for (var round = 1; round <= 3; round++)
        {
            var warm = await DeskClaims.Run(server, Targets(settings.HttpImportsConcurrent), 8, $"warm-{stamp}-{round}");
            Console.WriteLine($"[{schema}] warm-up: p95 {warm.Latency.P95:0.0} ms ({warm.ClaimsPerSecond:0} claims/s)");
            await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        }
        var one = await DeskClaims.Run(server, Targets(settings.HttpImportsConcurrent / 4), 1, $"one-{stamp}");
        Console.WriteLine($"[{schema}] desk, 1 client: p50 {one.Latency.P50:0.0} ms, p95 {one.Latency.P95:0.0} ms ({one.ClaimsPerSecond:0} claims/s)");
        await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        for (var round = 1; round <= 3; round++)
        {
            var run = await DeskClaims.Run(server, Targets(settings.HttpImportsConcurrent), 8, $"desk-{stamp}-{round}");
            Console.WriteLine($"[{schema}] desk, 8 clients: p50 {run.Latency.P50:0.0} ms, p95 {run.Latency.P95:0.0} ms, p99 {run.Latency.P99:0.0} ms ({run.ClaimsPerSecond:0} claims/s)");
            await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        }
    }
}
