using Claims.Domain;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>The store's connections keep PostgreSQL's plans between transactions (<see cref="PlanKeepingDataSources"/>) and nothing else.</summary>
public class PlanKeepingTests
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
}
