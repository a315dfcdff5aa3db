using Claims.Domain;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>The tracker's connections run without parallel plans, whose worker start-up costs more than its short queries.</summary>
public class ParallelQueryTests
{
    [Fact]
    public async Task connections_run_without_parallel_workers_unless_the_connection_string_says_otherwise()
    {
        await using (var connection = new NpgsqlConnection(ClaimsStore.WithoutParallelQueries(TestDatabase.ConnectionString)))
        {
            await connection.OpenAsync();
            await using var show = new NpgsqlCommand("show max_parallel_workers_per_gather", connection);
            (await show.ExecuteScalarAsync()).ShouldBe("0");
        }

        var own = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Options = "-c max_parallel_workers_per_gather=1" }.ConnectionString;
        ClaimsStore.WithoutParallelQueries(own).ShouldBe(own);
        new NpgsqlConnectionStringBuilder(ClaimsStore.WithoutParallelQueries("Host=h;Options=-c statement_timeout=5000")).Options
            .ShouldBe("-c statement_timeout=5000 -c max_parallel_workers_per_gather=0");
    }
}
