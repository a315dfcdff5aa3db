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
        if (await db.Scalar<long>($"select count(*) from pg_tables where schemaname = '{schema.Replace("'", "''")}' and tablename = 'mt_doc_callsummary'") == 0)
            throw new BenchFailure($"{db.Description} has no schema {schema} with calls; keep one with --size N --keep against CLAIMS_BENCH_CONNECTION");
        var callIds = new List<string>();
        await using (var command = db.DataSource.CreateCommand($"select id from {schema}.mt_doc_callsummary order by id"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) callIds.Add(reader.GetString(0));
        if (callIds.Count == 0) throw new BenchFailure($"{schema} holds no calls; keep one with --size N --keep");
        Console.WriteLine($"[{schema}] {callIds.Count:N0} calls");

        using var server = await AppServer.Start(settings, schema, $"serve-{schema}.log");
        await IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1));
        foreach (var clients in new[] { 8, 32 })
            Console.WriteLine($"[{schema}] " + MixedReads.Describe(await MixedReads.Run(server, db, schema, callIds, clients, settings.QueryRequests * 12)));
    }
}
