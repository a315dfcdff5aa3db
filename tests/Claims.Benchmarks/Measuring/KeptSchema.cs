using Claims.Benchmarks.Steps;

namespace Claims.Benchmarks.Measuring;

/// <summary>What a schema kept by an earlier run (--keep) holds, for the steps that measure one path alone on it.</summary>
public static class KeptSchema
{
    public static async Task<List<string>> CallIds(BenchDatabase db, string schema) =>
        [.. (await CallAccounts(db, schema)).Select(c => c.CallId).Distinct()];

    /// <summary>Each call with its first account, where the desk records its claims.</summary>
    public static async Task<List<(string CallId, string AccountId)>> CallAccounts(BenchDatabase db, string schema)
    {
        if (await db.Scalar<long>($"select count(*) from pg_tables where schemaname = '{schema.Replace("'", "''")}' and tablename = 'mt_doc_callreconciliation'") == 0)
            throw new BenchFailure($"{db.Description} has no schema {schema} with calls; keep one with --size N --keep against CLAIMS_BENCH_CONNECTION");
        var calls = new List<(string, string)>();
        await using (var command = db.DataSource.CreateCommand(
            $"select id, data->'accounts'->0->>'id' from {schema}.mt_doc_callreconciliation where jsonb_array_length(data->'accounts') > 0 order by id"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) calls.Add((reader.GetString(0), reader.GetString(1)));
        if (calls.Count == 0) throw new BenchFailure($"{schema} holds no calls; keep one with --size N --keep");
        return calls;
    }
}
