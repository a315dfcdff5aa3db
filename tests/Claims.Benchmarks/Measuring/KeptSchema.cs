using Claims.Benchmarks.Steps;

namespace Claims.Benchmarks.Measuring;

/// <summary>What a schema kept by an earlier run (--keep) holds, for the steps that measure one path alone on it.</summary>
public static class KeptSchema
{
    /// <summary>Every call's id, from the call list's table (its ids alone, no document opened).</summary>
    public static Task<List<string>> CallIds(BenchDatabase db, string schema) =>
        Read(db, schema, $"select id from {schema}.mt_doc_callsummary order by id", reader => reader.GetString(0));

    /// <summary>Each call with its first account, where the desk records its claims.</summary>
    public static Task<List<(string CallId, string AccountId)>> CallAccounts(BenchDatabase db, string schema) =>
        Read(db, schema,
            $"select id, data->'accounts'->0->>'id' from {schema}.mt_doc_callreconciliation where jsonb_array_length(data->'accounts') > 0 order by id",
            reader => (reader.GetString(0), reader.GetString(1)));

    /// <summary>The call and accounts of the first <paramref name="count"/> calls (accounts with three or more), as their views store them.</summary>
    public static Task<List<(string Call, string Accounts)>> CallTemplates(BenchDatabase db, string schema, int count) =>
        Read(db, schema,
            $"select data->>'call', data->>'accounts' from {schema}.mt_doc_callreconciliation where jsonb_array_length(data->'accounts') >= 3 order by id limit {count}",
            reader => (reader.GetString(0), reader.GetString(1)));

    private static async Task<List<T>> Read<T>(BenchDatabase db, string schema, string sql, Func<Npgsql.NpgsqlDataReader, T> row)
    {
        if (await db.Scalar<long>($"select count(*) from pg_tables where schemaname = '{schema.Replace("'", "''")}' and tablename = 'mt_doc_callsummary'") == 0)
            throw new BenchFailure($"{db.Description} has no schema {schema} with calls; keep one with --size N --keep against CLAIMS_BENCH_CONNECTION");
        var rows = new List<T>();
        await using (var command = db.DataSource.CreateCommand(sql))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(row(reader));
        if (rows.Count == 0) throw new BenchFailure($"{schema} holds no calls; keep one with --size N --keep");
        return rows;
    }
}
