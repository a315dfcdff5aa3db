using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>The program as a new user first runs it: a new database with the sample call loaded.</summary>
public class SampleCallApiTests(SampleAppFixture app) : IClassFixture<SampleAppFixture>
{
    private const string Sample = "/api/calls/2025-11-24-xi-trump-call/reconciliation";

    private Task<JsonElement> Get(string url) => app.Client(editor: false).GetFromJsonAsync<JsonElement>(url);

    private static JsonElement Topic(JsonElement view, string topic) =>
        view.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);

    private static string[] Strings(JsonElement list) => list.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public async Task health_answers_once_the_database_does()
    {
        var response = await app.Client(editor: false).GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task taiwan_is_asserted_by_the_chinese_side_and_omitted_by_the_white_house_readout()
    {
        var view = await Get(Sample);
        var taiwan = Topic(view, "taiwan");
        taiwan.GetProperty("verdict").GetString().ShouldBe("omitted");
        Strings(taiwan.GetProperty("asserting")).ShouldContain("cn-mfa");
        Strings(taiwan.GetProperty("silent")).ShouldContain("white-house");

        var claim = taiwan.GetProperty("claims").EnumerateArray().First(c => c.GetProperty("source").GetString() == "cn-mfa");
        claim.GetProperty("publishedAt").GetString()!.ShouldEndWith("+08:00");
        claim.GetProperty("quote").GetProperty("translation").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task the_sample_has_at_least_15_claims_over_8_topics()
    {
        var view = await Get(Sample);
        view.GetProperty("claimCount").GetInt32().ShouldBeGreaterThanOrEqualTo(15);
        view.GetProperty("topics").GetArrayLength().ShouldBeGreaterThanOrEqualTo(8);
        view.GetProperty("call").GetProperty("id").GetString().ShouldBe("2025-11-24-xi-trump-call");
    }

    [Fact]
    public async Task the_call_list_counts_claims_and_discrepancies()
    {
        var calls = await Get("/api/calls");
        var sample = calls.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "2025-11-24-xi-trump-call");
        var view = await Get(Sample);
        sample.GetProperty("claimCount").GetInt32().ShouldBe(view.GetProperty("claimCount").GetInt32());
        sample.GetProperty("discrepancyCount").GetInt32().ShouldBe(view.GetProperty("discrepancyCount").GetInt32());
    }

    [Fact]
    public async Task published_as_of_before_the_white_house_spoke_shows_no_omission_by_it()
    {
        var view = await Get(Sample);
        var cnReadout = view.GetProperty("accounts").EnumerateArray().First(a => a.GetProperty("source").GetString() == "cn-mfa");
        var instant = Uri.EscapeDataString(cnReadout.GetProperty("publishedAt").GetString()!);

        var early = await Get($"{Sample}?publishedAsOf={instant}");
        var taiwan = Topic(early, "taiwan");
        Strings(taiwan.GetProperty("silent")).ShouldNotContain("white-house");
        early.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("source").GetString()).ShouldNotContain("white-house");
        early.GetProperty("asOf").GetProperty("publishedAsOf").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task an_unencoded_plus_in_an_instant_is_understood()
    {
        var response = await app.Client(editor: false).GetAsync($"{Sample}?publishedAsOf=2025-11-24T23:00:00+08:00");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_bad_instant_is_a_400_and_an_unknown_call_a_404()
    {
        var client = app.Client(editor: false);
        (await client.GetAsync($"{Sample}?publishedAsOf=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"{Sample}?recordedAsOf=2025-11-24T10:00:00")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/calls/no-such-call/reconciliation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
