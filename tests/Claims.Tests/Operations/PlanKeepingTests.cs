using Claims.Domain;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>
/// The store's connections prepare what they repeat, plan it for its values each time, and keep PostgreSQL's plans
/// between transactions (<see cref="PlanKeepingDataSources"/>) and nothing else.
/// </summary>
public class PlanKeepingTests
{
    private static NpgsqlDataSource Source(string name) => new PlanKeepingDataSources().Create(
        new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { MaxPoolSize = 1, ApplicationName = name }.ConnectionString);

    [Fact]
    public async Task a_connection_given_back_to_the_pool_keeps_its_plans_and_loses_its_settings()
    {
        await using var source = Source("plan-keeping");
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
    public async Task a_repeated_statement_is_prepared_and_still_planned_for_its_values()
    {
        await using var source = Source("plan-for-values");
        for (var i = 0; i < 6; i++)
        {
            await using var connection = await source.OpenConnectionAsync();
            await using var repeated = new NpgsqlCommand("select count(*) from pg_class where relname = $1", connection);
            repeated.Parameters.Add(new NpgsqlParameter { Value = "pg_class" });
            ((long)(await repeated.ExecuteScalarAsync())!).ShouldBe(1);
        }

        await using var again = await source.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand(
            "select count(*) from pg_prepared_statements where statement like '%from pg_class where relname%'", again);
        ((long)(await prepared.ExecuteScalarAsync())!).ShouldBe(1);   // prepared on its fifth use, and kept
        await using var mode = new NpgsqlCommand("show plan_cache_mode", again);
        (await mode.ExecuteScalarAsync()).ShouldBe("force_custom_plan");   // and planned for its values each time

        var own = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Options = "-c plan_cache_mode=auto" }.ConnectionString;
        PlanKeepingDataSources.PlannedForTheirValues(own).ShouldBe(own);
    }

    [Fact]
    public async Task a_connection_string_that_says_how_many_statements_to_prepare_is_obeyed()
    {
        await using var source = new PlanKeepingDataSources().Create(TestDatabase.ConnectionString + ";Max Auto Prepare=0");
        new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare.ShouldBe(0);
        await using (var connection = await source.OpenConnectionAsync())
        {
            await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements", connection);
            ((long)(await prepared.ExecuteScalarAsync())!).ShouldBe(0);   // not even the statement that keeps plans
        }
        await using var defaulted = new PlanKeepingDataSources().Create(TestDatabase.ConnectionString);
        new NpgsqlConnectionStringBuilder(defaulted.ConnectionString).MaxAutoPrepare.ShouldBe(PlanKeepingDataSources.PreparedStatements);
    }
}
