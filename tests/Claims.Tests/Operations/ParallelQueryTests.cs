using Claims.Domain;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>
/// The tracker's connections run without parallel plans, whose worker start-up costs more than its short queries, and
/// keep PostgreSQL's plans between transactions (<see cref="PlanKeepingDataSources"/>).
/// </summary>
public class ParallelQueryTests
{
    [Fact]
    public async Task a_connection_given_back_to_the_pool_keeps_its_plans_and_loses_its_settings()
    {
        await using var source = new PlanKeepingDataSources().Create(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString)
            { MaxPoolSize = 1, ApplicationName = "plan-keeping" }.ConnectionString);
        int backend;
        await using (var first = await source.OpenConnectionAsync())
        {
            backend = first.ProcessID;
            await using var set = new NpgsqlCommand("set statement_timeout = 1234", first);
            await set.ExecuteNonQueryAsync();
        }

        await using var again = await source.OpenConnectionAsync();
        again.ProcessID.ShouldBe(backend);   // the same pooled session
        await using var show = new NpgsqlCommand("show statement_timeout", again);
        (await show.ExecuteScalarAsync()).ShouldBe("0");   // reset: what its last user set is gone
        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements", again);
        ((long)(await prepared.ExecuteScalarAsync())!).ShouldBe(1);   // not DISCARD ALL: the session kept its plans
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
