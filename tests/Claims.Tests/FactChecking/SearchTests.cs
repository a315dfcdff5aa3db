using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Claims.Tests.FactChecking;

/// <summary>Three small calls written for search: Taiwan in three scripts, and a phrase that only a readout's text holds.</summary>
public class SearchFixture : AppFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var dossier in Calls()) await Import(dossier.ToJsonString());
        await WaitForProjections();
    }

    private static JsonObject Claim(string id, string account, string topic, string statement, string? quote = null, string? language = null,
        string stance = "asserted") => new()
    {
        ["id"] = id, ["account"] = account, ["topic"] = topic, ["stance"] = stance, ["statement"] = statement,
        ["quote"] = quote is null ? null : new JsonObject { ["text"] = quote, ["language"] = language, ["kind"] = "paraphrase" }
    };

    private static IEnumerable<JsonObject> Calls()
    {
        // Simplified Chinese in a quote, the English word in a statement, and a taiwan claim that names it in no script.
        var first = Dossiers.Minimal("search-one", "s-cn", "s-us");
        first["format"] = "claims-dossier/2";
        first["claims"] = new JsonArray(
            Claim("cn-taiwan", "cn-readout", "taiwan", "Xi raised the question of the island's status.", "台湾问题", "zh"),
            Claim("us-taiwan", "us-readout", "taiwan", "The US said its position on Taiwan has not changed."),
            Claim("us-policy", "us-readout", "taiwan", "The US said its one-China policy stands."),
            Claim("us-trade", "us-readout", "trade", "Both sides spoke of soybean purchases."));
        first["accounts"]![1]!["text"] = new JsonObject
        {
            ["original"] = "The leaders discussed trade.\nThey also spoke about a grain corridor through the Black Sea, which the US supports."
        };
        yield return first;

        // Traditional characters, and full-width Latin letters.
        var second = Dossiers.Minimal("search-two", "s-cn", "s-us");
        second["format"] = "claims-dossier/2";
        second["call"]!["date"] = "2024-04-02";
        second["accounts"]![0]!["publishedAt"] = "2024-04-02T21:00:00+08:00";
        second["accounts"]![1]!["publishedAt"] = "2024-04-02T10:00:00-04:00";
        second["claims"] = new JsonArray(
            Claim("cn-taiwan", "cn-readout", "taiwan", "Xi warned about the island.", "臺灣問題是中美關係中最重要的問題", "zh"),
            Claim("us-taiwan", "us-readout", "taiwan", "Biden's aides said ＴＡＩＷＡＮ was not raised.", stance: "denied"),
            Claim("us-ai", "us-readout", "ai-governance", "The two sides agreed to talks on AI risks."));
        yield return second;
    }
}

/// <summary>GET /api/search and the search page: every claim and account text, folded and labelled.</summary>
public class SearchTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private async Task<JsonElement> Search(string query)
    {
        var response = await app.Client(editor: false).GetAsync("/api/search?" + query);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>The claims found (<c>call/claim</c>), or with <paramref name="texts"/> the account texts (<c>call/account</c>).</summary>
    private static string[] Ids(JsonElement results, bool texts = false) =>
        results.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("kind").GetString() == (texts ? "text" : "topic")
                ? texts ? [i.GetProperty("accountId").GetString()!] : i.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)
                : [], (i, id) => $"{i.GetProperty("callId").GetString()}/{id}")
            .Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<JsonElement> Claims(JsonElement results) =>
        results.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "topic")
            .SelectMany(i => i.GetProperty("claims").EnumerateArray());

    private static readonly string[] TaiwanClaims =
        ["search-one/cn-taiwan", "search-one/us-policy", "search-one/us-taiwan", "search-two/cn-taiwan", "search-two/us-taiwan"];

    [Theory]
    [InlineData("臺灣")]
    [InlineData("台湾")]
    [InlineData("Taiwan")]
    [InlineData("ＴＡＩＷＡＮ")]
    public async Task taiwan_in_any_script_finds_the_same_taiwan_claims(string term)
    {
        var results = await Search($"q={Uri.EscapeDataString(term)}&in=claims");
        Ids(results).ShouldBe(TaiwanClaims);
        results.GetProperty("topicsNamed").EnumerateArray().Select(t => t.GetString()).ShouldBe(["taiwan"]);
    }

    [Fact]
    public async Task each_result_says_where_it_matched_with_the_words_marked()
    {
        var results = await Search($"q={Uri.EscapeDataString("問題")}");
        Ids(results).ShouldBe(["search-one/cn-taiwan", "search-two/cn-taiwan"]);
        var claims = Claims(results).ToList();
        claims.ShouldAllBe(c => c.GetProperty("matchedIn").GetString() == "quote");
        var snippet = claims[1].GetProperty("snippet");   // newest call first: search-one (2025) before search-two (2024)
        var mark = snippet.GetProperty("marks")[0];
        snippet.GetProperty("text").GetString()!.Substring(mark.GetProperty("start").GetInt32(), mark.GetProperty("length").GetInt32()).ShouldBe("問題");

        // A term that names the topic finds every claim filed under it: the ones whose words hold it first.
        var named = Claims(await Search("q=taiwan&in=claims&from=2025-01-01")).ToList();
        named.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("matchedIn").GetString()))
            .ShouldBe([("us-taiwan", "statement"), ("cn-taiwan", "topic"), ("us-policy", "topic")]);
    }

    [Fact]
    public async Task a_phrase_only_a_readouts_text_holds_is_found_in_the_text()
    {
        var results = await Search("q=" + Uri.EscapeDataString("black sea"));
        Ids(results, texts: true).ShouldBe(["search-one/us-readout"]);
        var hit = results.GetProperty("items").EnumerateArray().Single();
        hit.GetProperty("matchedIn").GetString().ShouldBe("text");
        hit.GetProperty("url").GetString().ShouldBe("/calls/search-one/accounts/us-readout");
        var snippet = hit.GetProperty("snippet");
        var mark = snippet.GetProperty("marks")[0];
        snippet.GetProperty("text").GetString()!.Substring(mark.GetProperty("start").GetInt32(), mark.GetProperty("length").GetInt32()).ShouldBe("Black Sea");
    }

    [Fact]
    public async Task the_discrepancy_filters_apply_and_two_characters_are_enough()
    {
        Ids(await Search("q=ai")).ShouldBe(["search-two/us-ai"]);
        // Filters choose topics, as on the discrepancy page; the filter's own claims come first in each.
        var us = await Search($"q={Uri.EscapeDataString("台湾")}&side=US&in=claims");
        us.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claims")[0].GetProperty("side").GetString()).ShouldAllBe(s => s == "US");
        Ids(await Search("q=island&in=claims")).ShouldBe(["search-one/cn-taiwan", "search-two/cn-taiwan"]);
        Ids(await Search("q=island&source=s-us")).ShouldBe(["search-one/cn-taiwan", "search-two/cn-taiwan"]);   // topics the US source speaks to
        Ids(await Search("q=soybean&side=CN")).ShouldBeEmpty();   // the CN side says nothing of trade
        Ids(await Search("q=soybean&verdict=omitted")).ShouldBe(["search-one/us-trade"]);
        Ids(await Search("q=soybean&verdict=corroborated")).ShouldBeEmpty();
        Ids(await Search("q=black%20sea&in=claims")).ShouldBeEmpty();
        Ids(await Search("q=100%25")).ShouldBeEmpty();   // LIKE's wildcards are plain characters
    }

    [Fact]
    public async Task a_search_without_words_or_with_a_bad_filter_names_the_parameter()
    {
        var response = await app.Client(editor: false).GetAsync("/api/search?verdict=refuted&in=tweets");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["$.query.verdict", "$.query.in", "$.query.q"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_discrepancy_api_folds_its_search_the_same_way()
    {
        var rows = await app.Client(editor: false).GetFromJsonAsync<JsonElement>($"/api/discrepancies?q={Uri.EscapeDataString("臺灣")}");
        rows.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("topic").GetString()).ShouldAllBe(t => t == "taiwan");
        rows.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task the_search_page_lists_the_hits_with_the_words_marked_and_escaped()
    {
        var html = await app.Client(editor: false).GetStringAsync("/search?q=" + Uri.EscapeDataString("black sea"));
        html.ShouldContain("<mark>Black Sea</mark>");
        html.ShouldContain("/calls/search-one/accounts/us-readout");
        var odd = await app.Client(editor: false).GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>x</script>"));
        odd.ShouldNotContain("<script>x</script>");
    }
}
