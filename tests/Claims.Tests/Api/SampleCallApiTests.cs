using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>The program as a new user first runs it: a new database with the two sample calls loaded.</summary>
public class SampleCallApiTests(SampleAppFixture app) : IClassFixture<SampleAppFixture>
{
    private const string XiTrump = "/api/calls/2025-11-24-xi-trump-call/reconciliation";
    private const string TrumpTakaichi = "/api/calls/2025-11-24-trump-takaichi-call/reconciliation";

    private Task<JsonElement> Get(string url) => app.Client(editor: false).GetFromJsonAsync<JsonElement>(url);

    private static JsonElement Topic(JsonElement view, string topic) =>
        view.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);

    private static string[] Strings(JsonElement list) => list.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static string[] Findings(JsonElement topic) =>
        topic.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("kind").GetString() + (f.TryGetProperty("side", out var side) ? " " + side.GetString() : "")).ToArray();

    [Fact]
    public async Task health_answers_once_the_database_does()
    {
        var response = await app.Client(editor: false).GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task taiwan_leads_omitted_by_the_us_readouts_not_the_chinese_one_and_corroborated_by_bessent()
    {
        var view = await Get(XiTrump);
        view.GetProperty("topics")[0].GetProperty("topic").GetString().ShouldBe("taiwan");
        var taiwan = Topic(view, "taiwan");
        Findings(taiwan).ShouldBe(["omitted US", "corroborated"]);
        var omitted = taiwan.GetProperty("findings")[0];
        Strings(omitted.GetProperty("sources")).ShouldBe(["trump", "white-house"]);
        Strings(taiwan.GetProperty("findings")[1].GetProperty("sources")).ShouldBe(["bessent", "cn-mfa", "cn-state-media"]);
        Strings(taiwan.GetProperty("silent")).ShouldBe(["trump", "white-house"]);
        Strings(taiwan.GetProperty("asserting")).ShouldContain("wu-xinbo");   // an analyst speaks, and counts for nothing
        view.GetProperty("noReadout").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task no_topic_of_the_xi_trump_call_comes_from_takaichis_call()
    {
        var view = await Get(XiTrump);
        view.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldNotContain("takaichi");
        var takaichi = await Get(TrumpTakaichi);
        Strings(takaichi.GetProperty("noReadout")).ShouldBe(["US"]);   // the White House published no readout of it
        Strings(Topic(takaichi, "us-japan-alliance").GetProperty("asserting")).ShouldContain("takaichi");
    }

    [Fact]
    public async Task the_two_calls_link_to_each_other()
    {
        var xi = (await Get(XiTrump)).GetProperty("call").GetProperty("related").EnumerateArray().Single();
        xi.GetProperty("call").GetString().ShouldBe("2025-11-24-trump-takaichi-call");
        xi.GetProperty("relation").GetString().ShouldBe("followed-by");
        xi.GetProperty("title").GetString().ShouldBe("Donald Trump and Sanae Takaichi phone call");
        var takaichi = (await Get(TrumpTakaichi)).GetProperty("call").GetProperty("related").EnumerateArray().Single();
        takaichi.GetProperty("relation").GetString().ShouldBe("follows");
    }

    [Fact]
    public async Task bloombergs_japanese_words_are_marked_as_its_translation_and_times_as_known_to_the_day()
    {
        var view = await Get(XiTrump);
        var claim = Topic(view, "taiwan").GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cn-mfa-trump-understands-taiwan");
        claim.GetProperty("quote").GetProperty("kind").GetString().ShouldBe("outlet-translation");
        claim.GetProperty("quote").GetProperty("translation").GetString().ShouldNotBeNullOrEmpty();
        claim.GetProperty("speaker").GetString().ShouldBe("Donald Trump");
        claim.GetProperty("timePrecision").GetString().ShouldBe("day");
        claim.GetProperty("reportedVia").GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        claim.TryGetProperty("url", out var url).ShouldBeTrue();
        url.ValueKind.ShouldBe(JsonValueKind.Null);   // the seed gives no address, and none is made up
    }

    [Fact]
    public async Task the_sample_covers_the_seeds_statements()
    {
        var xi = await Get(XiTrump);
        var takaichi = await Get(TrumpTakaichi);
        (xi.GetProperty("claimCount").GetInt32() + takaichi.GetProperty("claimCount").GetInt32()).ShouldBeGreaterThanOrEqualTo(41);
        var standing = xi.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("standing").GetString());
        standing["wu-xinbo"].ShouldBe("independent");
        standing["bloomberg"].ShouldBe("independent");
        standing["bessent"].ShouldBe("party");
    }

    [Fact]
    public async Task the_call_list_counts_claims_and_discrepancies()
    {
        var calls = await CallList.AllAsync(app.Client(editor: false));
        var sample = calls.Single(c => c.GetProperty("id").GetString() == "2025-11-24-xi-trump-call");
        var view = await Get(XiTrump);
        sample.GetProperty("claimCount").GetInt32().ShouldBe(view.GetProperty("claimCount").GetInt32());
        sample.GetProperty("discrepancyCount").GetInt32().ShouldBe(view.GetProperty("discrepancyCount").GetInt32());
    }

    [Fact]
    public async Task as_published_before_bessent_spoke_taiwan_was_omitted_and_not_yet_corroborated()
    {
        var view = await Get(XiTrump);
        var first = view.GetProperty("accounts")[0].GetProperty("publishedAt").GetString()!;

        var early = await Get($"{XiTrump}?publishedAsOf={Uri.EscapeDataString(first)}");
        Findings(Topic(early, "taiwan")).ShouldBe(["omitted US"]);
        early.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("source").GetString()).ShouldNotContain("bessent");
        early.GetProperty("asOf").GetProperty("publishedAsOf").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task an_unencoded_plus_in_an_instant_is_understood()
    {
        var response = await app.Client(editor: false).GetAsync($"{XiTrump}?publishedAsOf=2025-11-24T23:00:00+08:00");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_bad_instant_is_a_400_and_an_unknown_call_a_404()
    {
        var client = app.Client(editor: false);
        (await client.GetAsync($"{XiTrump}?publishedAsOf=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"{XiTrump}?recordedAsOf=2025-11-24T10:00:00")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/calls/no-such-call/reconciliation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task every_quote_bloomberg_relayed_stands_in_its_articles_excerpt()
    {
        var view = await Get(XiTrump);
        var relayed = view.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("claims").EnumerateArray())
            .Where(c => c.GetProperty("reportedVia").ValueKind == JsonValueKind.Object && c.GetProperty("quote").ValueKind == JsonValueKind.Object)
            .ToList();
        relayed.Count.ShouldBeGreaterThan(10);
        foreach (var claim in relayed)
        {
            var quote = claim.GetProperty("quote");
            var article = claim.GetProperty("reportedVia").GetProperty("account").GetString();
            quote.GetProperty("anchoredIn").GetString().ShouldBe(article, claim.GetProperty("id").GetString());
            quote.GetProperty("range").ValueKind.ShouldBe(JsonValueKind.Object, claim.GetProperty("id").GetString());
        }
        var articles = view.GetProperty("accounts").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "report").ToList();
        articles.Count.ShouldBe(3);
        articles.ShouldAllBe(a => a.GetProperty("hasText").GetBoolean() && a.GetProperty("excerpt").GetBoolean());
        // No readout text is invented: the seed holds none.
        view.GetProperty("accounts").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "readout")
            .ShouldAllBe(a => !a.GetProperty("hasText").GetBoolean());
    }
}
