using System.Net;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>GET /api/sources and the sources page: records summed by PostgreSQL, most often silent first, a page at a time, filtered.</summary>
public class SourceListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<JsonElement> List(string query) =>
        JsonDocument.Parse(await app.Client(editor: false).GetStringAsync("/api/sources" + query)).RootElement;

    private static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task sources_come_with_their_summed_records_most_often_silent_first_and_filtered()
    {
        // Two calls: each US readout leaves Taiwan out (silent once per call), each CN readout leaves trade out.
        await app.Import(Dossiers.Minimal("sl-call-1", "sl-cn", "sl-us").ToJsonString());
        await app.Import(Dossiers.Minimal("sl-call-2", "sl-cn", "sl-us").ToJsonString());
        await app.WaitForProjections();

        var all = await List("");
        var us = all.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "sl-us");
        (us.GetProperty("calls").GetInt32(), us.GetProperty("accounts").GetInt32(), us.GetProperty("readouts").GetInt32(), us.GetProperty("silentOnAsserted").GetInt32())
            .ShouldBe((2, 2, 2, 2));
        us.GetProperty("profile").GetString().ShouldBe("/api/sources/sl-us");
        all.GetProperty("total").GetInt64().ShouldBe(2);

        Ids(await List("?side=CN")).ShouldBe(["sl-cn"]);
        Ids(await List("?q=WHITE")).ShouldBe(["sl-us"]);
        Ids(await List("?kind=analyst")).ShouldBeEmpty();
        var first = await List("?pageSize=1");
        (first.GetProperty("pages").GetInt64(), Ids(first).Count).ShouldBe((2L, 1));
        Ids(await List("?pageSize=1&page=2")).ShouldHaveSingleItem().ShouldNotBe(Ids(first)[0]);
        (await List("?pageSize=1&page=9")).GetProperty("total").GetInt64().ShouldBe(2, "past the last page the total is still told");

        var page = await app.Client(editor: false).GetStringAsync("/sources?side=US");
        page.ShouldContain("1 source");
        page.ShouldContain("/sources/sl-us");
        page.ShouldNotContain("/sources/sl-cn\"");
    }

    [Theory]
    [InlineData("?kind=newspaper", "$.query.kind")]
    [InlineData("?side=us", "$.query.side")]
    [InlineData("?pageSize=501", "$.query.pageSize")]
    [InlineData("?q=%00", "$.query.q")]
    public async Task a_bad_filter_is_400_naming_it(string query, string path)
    {
        var response = await app.Client(editor: false).GetAsync("/api/sources" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(path, out _).ShouldBeTrue();
    }
}
