using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Claims.Tests.Api;

/// <summary>GET /api/calls and the home page: newest first, a page at a time, filtered in the database.</summary>
public class CallListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static JsonObject Call(string id, string date, string title, string other, string otherSide, string topic)
    {
        var dossier = Dossiers.Minimal(id, "cl-cn", $"cl-{otherSide.ToLowerInvariant()}");
        var call = dossier["call"]!.AsObject();
        call["date"] = date;
        call["title"] = title;
        call["participants"]![1] = new JsonObject { ["name"] = other, ["side"] = otherSide };
        dossier["sources"]![1]!["side"] = otherSide;
        dossier["claims"]![0]!["topic"] = topic;
        foreach (var account in dossier["accounts"]!.AsArray()) account!["publishedAt"] = $"{date}T21:00:00+08:00";
        return dossier;
    }

    private async Task<JsonElement> List(string query) =>
        JsonDocument.Parse(await app.Client(editor: false).GetStringAsync("/api/calls" + query)).RootElement;

    private static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task calls_come_newest_first_a_page_at_a_time_and_filtered()
    {
        await app.Import(Call("cl-2024-xi-biden", "2024-04-02", "Xi Jinping and Joe Biden phone call", "Joe Biden", "US", "taiwan").ToJsonString());
        await app.Import(Call("cl-2025-xi-trump", "2025-06-05", "Xi Jinping and Donald Trump phone call", "Donald Trump", "US", "rare-earths").ToJsonString());
        await app.Import(Call("cl-2025-xi-takaichi", "2025-10-31", "Xi Jinping and Sanae Takaichi meeting", "Sanae Takaichi", "JP", "taiwan").ToJsonString());

        var first = await List("?pageSize=2");
        Ids(first).ShouldBe(["cl-2025-xi-takaichi", "cl-2025-xi-trump"]);
        (first.GetProperty("total").GetInt64(), first.GetProperty("pages").GetInt64(), first.GetProperty("totalExact").GetBoolean()).ShouldBe((3L, 2L, true));
        Ids(await List("?pageSize=2&page=2")).ShouldBe(["cl-2024-xi-biden"]);
        first.GetProperty("items")[0].GetProperty("reconciliation").GetString().ShouldBe("/api/calls/cl-2025-xi-takaichi/reconciliation");

        Ids(await List("?topic=taiwan")).ShouldBe(["cl-2025-xi-takaichi", "cl-2024-xi-biden"]);
        Ids(await List("?participant=Joe%20Biden")).ShouldBe(["cl-2024-xi-biden"]);
        Ids(await List("?side=JP")).ShouldBe(["cl-2025-xi-takaichi"]);
        Ids(await List("?from=2025-01-01&to=2025-09-30")).ShouldBe(["cl-2025-xi-trump"]);
        Ids(await List("?q=TRUMP")).ShouldBe(["cl-2025-xi-trump"]);
        Ids(await List("?q=100%25")).ShouldBeEmpty("a % in the words is a percent sign, not a wildcard");

        var home = await app.Client(editor: false).GetStringAsync("/?topic=taiwan");
        home.ShouldContain("2 calls");
        home.IndexOf("cl-2025-xi-takaichi", StringComparison.Ordinal).ShouldBeLessThan(home.IndexOf("cl-2024-xi-biden", StringComparison.Ordinal));
        home.ShouldNotContain("cl-2025-xi-trump\"");
        var takaichi = await app.Client(editor: false).GetStringAsync("/?participant=Sanae%20Takaichi");
        takaichi.ShouldContain("1 call");
        takaichi.ShouldContain("/calls/cl-2025-xi-takaichi");
    }

    [Theory]
    [InlineData("?pageSize=0", "$.query.pageSize")]
    [InlineData("?page=x", "$.query.page")]
    [InlineData("?side=jp", "$.query.side")]
    [InlineData("?topic=Not%20A%20Slug", "$.query.topic")]
    [InlineData("?from=2025-02-30", "$.query.from")]
    [InlineData("?q=%00", "$.query.q")]
    public async Task a_bad_filter_is_400_naming_it(string query, string path)
    {
        var response = await app.Client(editor: false).GetAsync("/api/calls" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(path, out _).ShouldBeTrue();
        if (!query.StartsWith("?pageSize", StringComparison.Ordinal))   // the page shows 50 a page, whatever is asked
            (await app.Client(editor: false).GetAsync("/" + query)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
