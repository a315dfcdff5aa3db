using Claims.Domain;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>
/// The tracker's connections run without parallel plans, whose worker start-up costs more than its short queries, and
/// prepare the statements they run again and again.
/// </summary>
public class ParallelQueryTests
{
    [Fact]
    public async Task connections_prepare_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var prepared = ClaimsStore.WithPreparedStatements(TestDatabase.ConnectionString);
        new NpgsqlConnectionStringBuilder(prepared).MaxAutoPrepare.ShouldBe(ClaimsStore.PreparedStatements);
        await using (var connection = new NpgsqlConnection(prepared))
        {
            await connection.OpenAsync();
            for (var i = 0; i < 6; i++)
            {
                await using var select = new NpgsqlCommand("select $1::int + 1", connection) { Parameters = { new() { Value = i } } };
                (await select.ExecuteScalarAsync()).ShouldBe(i + 1);
            }
            await using var statements = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like '%$1::int + 1%'", connection);
            ((long)(await statements.ExecuteScalarAsync())!).ShouldBe(1);
        }

        ClaimsStore.WithPreparedStatements("Host=h;Max Auto Prepare=0").ShouldBe("Host=h;Max Auto Prepare=0");
        ClaimsStore.WithPreparedStatements("Host=h;MaxAutoPrepare=20").ShouldBe("Host=h;MaxAutoPrepare=20");
    }

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
