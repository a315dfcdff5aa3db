using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>
/// A write the database refuses for lack of disk (SQLSTATE 53100, raised here by a trigger on the event table, as
/// PostgreSQL raises it when it cannot extend a file) is a 503 that says so, with nothing written; reads go on, and
/// writes succeed again once the database can take them.
/// </summary>
public class DatabaseFaultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<HttpResponseMessage> Import(string callId) =>
        app.Client().PostAsync("/api/dossiers", new StringContent(Dossiers.Minimal(callId, "df-cn", "df-us").ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task a_full_disk_refuses_writes_with_503_and_nothing_half_written_while_reads_go_on()
    {
        (await Import("fault-before")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Sql($"""
            create function {app.Schema}.claims_test_disk_full() returns trigger language plpgsql as
            $$ begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$;
            create trigger claims_test_disk_full before insert on {app.Schema}.mt_events for each row execute function {app.Schema}.claims_test_disk_full();
            """);
        try
        {
            var refused = await Import("fault-during");
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.ShouldNotBeNull();
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("detail").GetString()!.ShouldContain("out of disk space");

            var revision = await app.Client().PostAsJsonAsync("/api/calls/fault-before/accounts/us-readout/revisions",
                new { text = new { original = "The call was about trade." }, publishedAt = "2025-11-25T09:00:00Z", reason = "revised" });
            revision.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

            var client = app.Client(editor: false);
            (await client.GetAsync("/api/calls/fault-before/reconciliation")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/calls/fault-during/reconciliation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync("/calls/fault-before")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await Sql($"drop trigger claims_test_disk_full on {app.Schema}.mt_events; drop function {app.Schema}.claims_test_disk_full()");
        }
        (await Import("fault-during")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
