using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Claims.Tests.FactChecking;

/// <summary>The async index follows corrections and retractions, and always agrees with the per-call views once the daemon catches up.</summary>
public class IndexAfterChangesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string[]> IndexRows(string callId)
    {
        await app.WaitForProjections();
        var page = await app.Client(editor: false).GetFromJsonAsync<JsonElement>("/api/discrepancies?pageSize=500");
        return page.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("callId").GetString() == callId)
            .Select(i => $"{i.GetProperty("topic").GetString()}:{i.GetProperty("verdict").GetString()}").Order().ToArray();
    }

    private async Task<string[]> ViewRows(string callId)
    {
        var view = await app.Client(editor: false).GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/reconciliation");
        return view.GetProperty("topics").EnumerateArray().Where(t => t.GetProperty("discrepancy").GetBoolean())
            .Select(t => $"{t.GetProperty("topic").GetString()}:{t.GetProperty("verdict").GetString()}").Order().ToArray();
    }

    private async Task Change(string url, object body) =>
        (await app.Client().PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task corrections_and_retractions_update_and_remove_rows()
    {
        const string call = "index-changes";
        await app.Import(Dossiers.Minimal(call, "ix-cn", "ix-us").ToJsonString());
        (await IndexRows(call)).ShouldBe(["taiwan:omitted", "trade:omitted"]);

        // The White House readout turns out to deny Taiwan: omitted becomes contradicted.
        await Change($"/api/claims/{call}/us-trade/corrections", new { reason = "re-read", topic = "taiwan", stance = "denied", statement = "Taiwan did not come up." });
        (await IndexRows(call)).ShouldBe(["taiwan:contradicted"]);
        (await IndexRows(call)).ShouldBe(await ViewRows(call));

        // The Chinese claim was misread: retracting it leaves a denial only, which is no discrepancy.
        await Change($"/api/claims/{call}/cn-taiwan/retraction", new { reason = "misread" });
        (await IndexRows(call)).ShouldBeEmpty();
        (await ViewRows(call)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_total_is_counted_again_once_the_index_has_moved()
    {
        // A page of one row is full, so the total is counted (and kept while the index stands still).
        const string call = "index-count-moves";
        async Task<long> Total(string url)
        {
            await app.WaitForProjections();
            return (await app.Client(editor: false).GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt64();
        }
        const string rows = "/api/discrepancies?source=ixc-cn&pageSize=1";
        await app.Import(Dossiers.Minimal(call, "ixc-cn", "ixc-us").ToJsonString());
        (await Total(rows)).ShouldBe(2);
        (await Total(rows)).ShouldBe(2);

        await Change($"/api/claims/{call}/us-trade/corrections", new { reason = "re-read", topic = "taiwan", stance = "denied", statement = "Taiwan did not come up." });
        (await Total(rows)).ShouldBe(1);
    }

    [Fact]
    public async Task every_golden_call_agrees_with_its_view_after_changes()
    {
        foreach (var file in IndexFixture.GoldenFiles)
        {
            var json = await File.ReadAllTextAsync(file);
            var dossier = JsonDocument.Parse(json).RootElement;
            var callId = dossier.GetProperty("call").GetProperty("id").GetString()!;
            await app.Import(json);
            (await IndexRows(callId)).ShouldBe(await ViewRows(callId), callId);

            var claims = dossier.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
            await Change($"/api/claims/{callId}/{claims[0]}/retraction", new { reason = "test" });
            await Change($"/api/claims/{callId}/{claims[1]}/corrections", new { reason = "test", stance = "denied" });
            (await IndexRows(callId)).ShouldBe(await ViewRows(callId), callId + " after changes");
        }
    }
}
