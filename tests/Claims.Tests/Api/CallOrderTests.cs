using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>The unfiltered call list's order is kept between requests (CallOrder), never past a change.</summary>
public class CallOrderTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<JsonElement> List(string query) =>
        JsonDocument.Parse(await app.Client(editor: false).GetStringAsync("/api/calls" + query)).RootElement;

    private static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    private static string Dated(string id, string date)
    {
        var dossier = Dossiers.Minimal(id, "co-cn", "co-us");
        dossier["call"]!["date"] = date;
        return dossier.ToJsonString();
    }

    [Fact]
    public async Task the_whole_list_shows_a_new_call_at_once_and_counts_every_call()
    {
        await app.Import(Dated("co-first", "2099-01-02"));
        var before = await List("?pageSize=1");
        Ids(before).ShouldBe(["co-first"]);
        (await List("?pageSize=1")).GetProperty("total").GetInt64().ShouldBe(before.GetProperty("total").GetInt64());

        await app.Import(Dated("co-newer", "2099-01-03"));
        var after = await List("?pageSize=1");
        Ids(after).ShouldBe(["co-newer"]);
        after.GetProperty("total").GetInt64().ShouldBe(before.GetProperty("total").GetInt64() + 1);
        after.GetProperty("totalExact").GetBoolean().ShouldBeTrue();
        Ids(await List("?pageSize=1&page=2")).ShouldBe(["co-first"]);
    }
}
