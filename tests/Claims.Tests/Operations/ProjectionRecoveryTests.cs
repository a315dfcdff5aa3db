using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Domain.Discrepancies;
using Marten;
using Npgsql;

namespace Claims.Tests.Operations;

/// <summary>
/// The async projections survive the database refusing their writes (a full disk, a lost connection): while it lasts
/// readiness says they are stopped or behind, and once writes succeed again they catch up by themselves, with no
/// restart of the tracker.
/// </summary>
public class ProjectionRecoveryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> Indexed(string callId)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<DiscrepancyRow>($"{callId}/taiwan") is not null;
    }

    [Fact]
    public async Task the_index_catches_up_by_itself_after_its_writes_were_refused()
    {
        await app.Import(Dossiers.Minimal("recover-before", "rc-cn", "rc-us").ToJsonString());
        await app.WaitForProjections();
        (await Indexed("recover-before")).ShouldBeTrue();

        // Every write to the index's table now fails, as on a full disk.
        await Sql($"alter table {app.Schema}.mt_doc_discrepancyrow add constraint claims_test_refuse check (false) not valid");
        await app.Import(Dossiers.Minimal("recover-during", "rc-cn", "rc-us").ToJsonString());

        var client = app.Client(editor: false);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage ready;
        do
        {
            await Task.Delay(500);
            ready = await client.GetAsync("/health/ready");
        } while (ready.StatusCode == HttpStatusCode.OK && JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement
                     .GetProperty("status").GetString() == "healthy" && DateTime.UtcNow < deadline);
        var report = await ready.Content.ReadAsStringAsync();
        report.ShouldContain("DiscrepancyIndex:All");
        report.ShouldMatch("\"state\":\"(stopped|behind)\"");
        (await Indexed("recover-during")).ShouldBeFalse();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/discrepancies?pageSize=1");
        page.GetProperty("index").GetProperty("state").GetString().ShouldBeOneOf("stopped", "behind");

        await Sql($"alter table {app.Schema}.mt_doc_discrepancyrow drop constraint claims_test_refuse");
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await Indexed("recover-during") && DateTime.UtcNow < deadline) await Task.Delay(500);
        (await Indexed("recover-during")).ShouldBeTrue("the index did not catch up within a minute of writes succeeding again");
        await app.WaitForProjections();
        (await client.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("status").GetString().ShouldBe("healthy");
    }
}
