using Claims.Web.Database;
using Npgsql;

namespace Claims.Benchmarks.Measuring;

/// <summary>
/// The PostgreSQL the benchmark measures against: CLAIMS_BENCH_CONNECTION when set, otherwise a throwaway
/// embedded cluster with durable settings (fsync on), as a real deployment would run, removed at the end.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;
    private readonly string? _folder;

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public string Description { get; }

    private BenchDatabase(string connectionString, EmbeddedPostgres? embedded, string? folder, string description)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
        _folder = folder;
        Description = description;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public static BenchDatabase Open(string workFolder)
    {
        if (Environment.GetEnvironmentVariable("CLAIMS_BENCH_CONNECTION") is { Length: > 0 } configured)
            return new BenchDatabase(configured, null, null, "CLAIMS_BENCH_CONNECTION");
        var folder = Path.Combine(workFolder, "pg");
        var embedded = EmbeddedPostgres.Start(folder, durable: true);
        return new BenchDatabase(embedded.ConnectionString, embedded, folder, "throwaway embedded cluster");
    }

    public async Task<T> Scalar<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task Execute(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops an event store schema and Wolverine's schema beside it.</summary>
    public Task DropSchema(string schema) => Execute($"drop schema if exists {schema} cascade; drop schema if exists {schema}_wolverine cascade");

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _embedded?.Stop();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
        }
    }
}
