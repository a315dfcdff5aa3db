using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// The desk alone, on a schema an earlier run kept (--desk SCHEMA), so that a change to the write path is measured in
/// minutes: claims recorded on random calls of the schema, three unmeasured rounds at 8 clients (the program's code is
/// compiled and optimised while it first runs), one round at 1 client, then three measured rounds at 8 clients, the
/// index caught up after each and the CPU each claim cost printed (<see cref="CpuTime"/>). Then the same on calls
/// opened for it, with no claims yet (<see cref="SmallCalls"/>): three rounds at 8 clients, each adding one claim to
/// every call, and one at 1 client.
/// </summary>
public static class DeskOnly
{
    private const int RoundClaims = 800;

    public static async Task Run(BenchSettings settings, BenchDatabase db, string schema)
    {
        var calls = await KeptSchema.CallAccounts(db, schema);
        Console.WriteLine($"[{schema}] {calls.Count:N0} calls");
        var random = new Random(BenchSettings.Seed);
        var stamp = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);

        using var server = await AppServer.Start(settings, schema, $"serve-{schema}.log");
        await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));

        List<(string CallId, string AccountId)> AtRandom(int claims) => Enumerable.Range(0, claims).Select(_ => calls[random.Next(calls.Count)]).ToList();

        async Task Round(string label, int number, IReadOnlyList<(string CallId, string AccountId)> targets, int clients)
        {
            var before = server.Cpu();
            var run = await DeskClaims.Run(server, targets, clients, $"{label}-{number}-{clients}-{stamp}");
            // The index's share of each claim is spent while it catches up, so the CPU is read once it has.
            await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
            var cpu = server.Cpu() - before;
            Console.WriteLine($"[{schema}] {label}, {clients} client{(clients == 1 ? "" : "s")}: p50 {run.Latency.P50:0.0} ms, "
                + $"p95 {run.Latency.P95:0.0} ms, p99 {run.Latency.P99:0.0} ms ({run.ClaimsPerSecond:0} claims/s); CPU a claim: "
                + $"tracker {cpu.TrackerMs / targets.Count:0.0} ms, PostgreSQL {cpu.DatabaseMs / targets.Count:0.0} ms");
        }

        for (var round = 1; round <= 3; round++) await Round("warmup", round, AtRandom(RoundClaims), 8);
        await Round("desk", 1, AtRandom(RoundClaims / 4), 1);
        for (var round = 1; round <= 3; round++) await Round("desk", round, AtRandom(RoundClaims), 8);

        var small = await SmallCalls.Open(server, db, schema, RoundClaims, stamp);
        await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        for (var round = 1; round <= 3; round++) await Round("small", round, small, 8);
        await Round("small", 4, [.. small.Take(RoundClaims / 4)], 1);
    }
}
