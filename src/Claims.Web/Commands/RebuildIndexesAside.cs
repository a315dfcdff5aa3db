using System.Diagnostics;
using Claims.Domain;
using Claims.Domain.Search;
using Marten;
using Npgsql;

namespace Claims.Web.Commands;

/// <summary>
/// While <c>projections rebuild</c> refills the search entries, their GIN indexes (the folded text's trigrams, its
/// two-character pieces, the filters' arrays) are set aside and built once at the end, as PostgreSQL's advice for
/// filling a table goes: a GIN index built over a full table sorts its keys once, while one kept up to date merges every
/// batch of new rows into it (at a million claims the projections' part of the rebuild fell from 162–178 s to 131 s,
/// and building the indexes afterwards took 23 s). The indexes' definitions are read from the database as the schema
/// made them; a rebuild killed before the end leaves them missing until the tracker's next start, which creates every
/// configured index that is missing.
/// </summary>
public sealed class RebuildIndexesAside
{
    private const string Table = "mt_doc_searchentry";
    private readonly string _connectionString;
    private readonly List<(string Name, string Definition)> _indexes;

    private RebuildIndexesAside(string connectionString, List<(string, string)> indexes)
    {
        _connectionString = connectionString;
        _indexes = indexes;
    }

    /// <summary>Whether the command line rebuilds the index that holds the search entries (every projection, or it by name).</summary>
    public static bool Applies(string[] args)
    {
        if (!CommandLine.IsRebuild(args)) return false;
        var named = args.Zip(args.Skip(1)).Where(p => p.First is "-p" or "--projection").Select(p => p.Second).ToList();
        return named.Count == 0 || named.Contains(ClaimsStore.DiscrepancyIndex, StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<RebuildIndexesAside> SetAsideAsync(IDocumentStore store, string connectionString)
    {
        // The store checks a document's table once per process, when first used: checked now, it does not put the
        // indexes back when the rebuild first writes an entry.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(SearchEntry), CancellationToken.None);
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var indexes = new List<(string, string)>();
        await using (var read = new NpgsqlCommand(
            "select indexname, indexdef from pg_indexes where schemaname = $1 and tablename = $2 and indexdef like '% USING gin %' order by indexname",
            connection) { Parameters = { new() { Value = schema }, new() { Value = Table } } })
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (name, _) in indexes)
            await new NpgsqlCommand($"drop index if exists {Quote(schema)}.{Quote(name)}", connection, transaction).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return new RebuildIndexesAside(connectionString, indexes);
    }

    /// <summary>Builds the indexes set aside again, two at a time (one per core of a small server); false, with the
    /// reason on standard error, when the database refused (a full disk, say).</summary>
    public async Task<bool> RestoreAsync()
    {
        if (_indexes.Count == 0) return true;
        var clock = Stopwatch.StartNew();
        try
        {
            await Parallel.ForEachAsync(_indexes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (index, ct) =>
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(ct);
                await new NpgsqlCommand(index.Definition.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal), connection)
                    { CommandTimeout = 0 }.ExecuteNonQueryAsync(ct);
            });
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"The search entries' indexes could not be built again: {e.Message}. The next tracker to start builds them.");
            return false;
        }
        Console.Error.WriteLine($"Built the search entries' {_indexes.Count} indexes in {clock.ElapsedMilliseconds} ms");
        return true;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
