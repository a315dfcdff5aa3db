using System.Diagnostics;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// Waits until the serving program's async daemon has projected every stored event into the discrepancy index,
/// read from Marten's own progress table, so queries are measured on a complete index.
/// </summary>
public static class IndexCatchUp
{
    public static async Task<double> Wait(BenchDatabase db, string schema, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var last = await db.Scalar<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events");
            // Until the daemon has started, the table has no rows for the index; a min over no rows would look done.
            var rows = await db.Scalar<long>($"select count(*) from {schema}.mt_event_progression where name like 'DiscrepancyIndex%'");
            var done = await db.Scalar<long>(
                $"select coalesce(min(last_seq_id), 0) from {schema}.mt_event_progression where name like 'DiscrepancyIndex%'");
            if (rows > 0 && done >= last) return clock.Elapsed.TotalSeconds;
            await Task.Delay(100);
        }
        throw new BenchFailure($"the discrepancy index of {schema} did not catch up within {timeout}");
    }

    public static async Task<string> Progress(BenchDatabase db, string schema)
    {
        await using var command = db.DataSource.CreateCommand($"select name || '=' || last_seq_id from {schema}.mt_event_progression order by name");
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync()) parts.Add(reader.GetString(0));
        return string.Join(", ", parts);
    }
}
