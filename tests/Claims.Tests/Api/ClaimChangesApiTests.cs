using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>Corrections, retractions and a claim's history, through the real pipeline.</summary>
public class ClaimChangesApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task Import(string callId) => app.Import(Dossiers.Minimal(callId, callId + "-cn", callId + "-us").ToJsonString());

    private async Task<(HttpStatusCode, JsonElement)> Send(string url, object body, HttpClient? client = null)
    {
        var response = await (client ?? app.Client()).PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<JsonElement> Get(string url) => app.Client(editor: false).GetFromJsonAsync<JsonElement>(url);

    private static JsonElement Topic(JsonElement view, string topic) =>
        view.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);

    [Fact]
    public async Task a_correction_changes_the_view_and_the_history_keeps_both_versions()
    {
        await Import("chg-correct");
        var client = await app.EditorClient("desk-editor");

        var (status, body) = await Send("/api/claims/chg-correct/us-trade/corrections",
            new { reason = "The readout speaks of Taiwan, not trade", topic = "taiwan", stance = "denied", statement = "Taiwan was not discussed." }, client);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("version").GetInt32().ShouldBe(2);

        var view = await Get("/api/calls/chg-correct/reconciliation");
        Topic(view, "taiwan").GetProperty("verdict").GetString().ShouldBe("contradicted");

        var history = await Get("/api/claims/chg-correct/us-trade/history");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("change").GetString()).ShouldBe(["recorded", "corrected"]);
        versions[0].GetProperty("content").GetProperty("topic").GetString().ShouldBe("trade");
        versions[1].GetProperty("content").GetProperty("topic").GetString().ShouldBe("taiwan");
        versions[1].GetProperty("reason").GetString().ShouldBe("The readout speaks of Taiwan, not trade");
        versions[1].GetProperty("recordedBy").GetString().ShouldBe("desk-editor");
    }

    [Fact]
    public async Task recorded_as_of_shows_what_the_database_knew_before_a_correction()
    {
        await Import("chg-recorded");
        var before = await Get("/api/claims/chg-recorded/us-trade/history");
        var recordedAt = before.GetProperty("versions")[0].GetProperty("recordedAt").GetString()!;
        await Task.Delay(20);
        (await Send("/api/claims/chg-recorded/us-trade/corrections", new { reason = "re-read", topic = "taiwan", stance = "denied" }))
            .Item1.ShouldBe(HttpStatusCode.OK);

        var now = await Get("/api/calls/chg-recorded/reconciliation");
        Topic(now, "taiwan").GetProperty("verdict").GetString().ShouldBe("contradicted");

        var then = await Get($"/api/calls/chg-recorded/reconciliation?recordedAsOf={Uri.EscapeDataString(recordedAt)}");
        Topic(then, "taiwan").GetProperty("verdict").GetString().ShouldBe("omitted");
        Topic(then, "trade").GetProperty("verdict").GetString().ShouldBe("omitted");
        then.GetProperty("asOf").GetProperty("recordedAsOf").GetString().ShouldNotBeNull();

        var beforeAnything = await app.Client(editor: false).GetAsync("/api/calls/chg-recorded/reconciliation?recordedAsOf=2000-01-01T00:00:00Z");
        beforeAnything.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_correction_keeps_what_it_does_not_name_and_null_clears_an_optional_field()
    {
        await Import("chg-partial");
        (await Send("/api/claims/chg-partial/us-trade/corrections", new { reason = "no facet in the source", facet = (object?)null }))
            .Item1.ShouldBe(HttpStatusCode.OK);

        var history = await Get("/api/claims/chg-partial/us-trade/history");
        var latest = history.GetProperty("versions").EnumerateArray().Last().GetProperty("content");
        latest.GetProperty("statement").GetString().ShouldBe("The call was mainly about trade.");
        latest.TryGetProperty("facet", out var facet).ShouldBeTrue();
        facet.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task a_retraction_removes_the_claim_from_the_view_but_not_from_the_log()
    {
        await Import("chg-retract");
        var (status, _) = await Send("/api/claims/chg-retract/cn-taiwan/retraction", new { reason = "misread the readout" });
        status.ShouldBe(HttpStatusCode.OK);

        var view = await Get("/api/calls/chg-retract/reconciliation");
        view.GetProperty("claimCount").GetInt32().ShouldBe(1);
        view.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString()).ShouldNotContain("taiwan");

        var history = await Get("/api/claims/chg-retract/cn-taiwan/history");
        history.GetProperty("retracted").GetBoolean().ShouldBeTrue();
        history.GetProperty("versions").GetArrayLength().ShouldBe(2);

        (await Send("/api/claims/chg-retract/cn-taiwan/retraction", new { reason = "again" })).Item1.ShouldBe(HttpStatusCode.Conflict);
        (await Send("/api/claims/chg-retract/cn-taiwan/corrections", new { reason = "x", statement = "y" })).Item1.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task bad_changes_are_refused_by_path()
    {
        await Import("chg-bad");
        var (status, body) = await Send("/api/claims/chg-bad/us-trade/corrections", new { stance = "maybe", topic = "Not A Slug" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["$.reason", "$.stance", "$.topic"], ignoreOrder: true);

        (await Send("/api/claims/chg-bad/us-trade/corrections", new { reason = "nothing new" })).Item1.ShouldBe(HttpStatusCode.BadRequest);
        (await Send("/api/claims/chg-bad/us-trade/retraction", new { })).Item1.ShouldBe(HttpStatusCode.BadRequest);

        var history = await Get("/api/claims/chg-bad/us-trade/history");
        history.GetProperty("versions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task unknown_calls_and_claims_are_404_and_writes_need_the_key()
    {
        await Import("chg-404");
        (await Send("/api/claims/no-such-call/x/retraction", new { reason = "r" })).Item1.ShouldBe(HttpStatusCode.NotFound);
        (await Send("/api/claims/chg-404/no-such-claim/retraction", new { reason = "r" })).Item1.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(editor: false).GetAsync("/api/claims/chg-404/no-such-claim/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Send("/api/claims/chg-404/cn-taiwan/retraction", new { reason = "r" }, app.Client(editor: false))).Item1.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task concurrent_changes_to_one_call_queue_up_and_every_one_lands()
    {
        await Import("chg-many");
        // Sixteen new claims and a change to each of two claims, all at once on one call's stream: none overwrites another.
        var recorded = Enumerable.Range(0, 16).Select(i => Send("/api/calls/chg-many/claims", new
        {
            id = $"us-point-{i}", account = "us-readout", topic = $"point-{i}", stance = "asserted", statement = $"Point {i} came up."
        }));
        var corrected = new[] { "cn-taiwan", "us-trade" }.Select(claim =>
            Send($"/api/claims/chg-many/{claim}/corrections", new { reason = "re-read", statement = $"Re-read {claim}.", expectedVersion = 1 }));
        var results = await Task.WhenAll(recorded.Concat(corrected));
        results.Count(r => r.Item1 == HttpStatusCode.Created).ShouldBe(16, string.Join("; ", results.Select(r => r.Item1)));
        results.Count(r => r.Item1 == HttpStatusCode.OK).ShouldBe(2);

        var view = await Get("/api/calls/chg-many/reconciliation");
        view.GetProperty("topics").GetArrayLength().ShouldBe(18);
        (await Get("/api/claims/chg-many/us-trade/history")).GetProperty("versions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task a_change_made_against_an_older_version_is_a_409_with_what_changed_since_and_nothing_is_recorded()
    {
        await Import("chg-stale");
        var seen = await app.Client(editor: false).GetAsync("/api/claims/chg-stale/us-trade/history");
        seen.Headers.ETag!.Tag.ShouldBe("\"1\"");

        // Editor A corrects against version 1, as the ETag said.
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/claims/chg-stale/us-trade/corrections")
            { Content = JsonContent.Create(new { reason = "re-read", statement = "Trade came up first." }) };
        first.Headers.IfMatch.ParseAdd("\"1\"");
        var accepted = await app.Client().SendAsync(first);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.ETag!.Tag.ShouldBe("\"2\"");

        // Editor B's form still says version 1: refused, with the current version and A's change.
        var (status, problem) = await Send("/api/claims/chg-stale/us-trade/corrections",
            new { reason = "my own reading", statement = "Trade was the main topic.", expectedVersion = 1 });
        status.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        var since = problem.GetProperty("changesSince").EnumerateArray().ToList();
        since.Count.ShouldBe(1);
        since[0].GetProperty("content").GetProperty("statement").GetString().ShouldBe("Trade came up first.");

        // The same through If-Match, and a retraction: refused too, and the history holds A's change only.
        var stale = new HttpRequestMessage(HttpMethod.Post, "/api/claims/chg-stale/us-trade/retraction") { Content = JsonContent.Create(new { reason = "wrong" }) };
        stale.Headers.IfMatch.ParseAdd("W/\"1\"");
        (await app.Client().SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var history = await Get("/api/claims/chg-stale/us-trade/history");
        history.GetProperty("versions").GetArrayLength().ShouldBe(2);

        // Against the current version it goes through.
        (await Send("/api/claims/chg-stale/us-trade/corrections", new { reason = "my own reading", statement = "Trade was the main topic.", expectedVersion = 2 }))
            .Item1.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_unclear_expected_version_is_a_400_naming_it()
    {
        await Import("chg-unclear");
        var (status, problem) = await Send("/api/claims/chg-unclear/us-trade/corrections", new { reason = "r", statement = "s", expectedVersion = "one" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("$.expectedVersion", out _).ShouldBeTrue(problem.ToString());

        var both = new HttpRequestMessage(HttpMethod.Post, "/api/claims/chg-unclear/us-trade/corrections")
            { Content = JsonContent.Create(new { reason = "r", statement = "s", expectedVersion = 2 }) };
        both.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await app.Client().SendAsync(both)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var garbled = new HttpRequestMessage(HttpMethod.Post, "/api/claims/chg-unclear/us-trade/corrections") { Content = JsonContent.Create(new { reason = "r", statement = "s" }) };
        garbled.Headers.TryAddWithoutValidation("If-Match", "version one");
        var answer = await app.Client().SendAsync(garbled);
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("$.headers.If-Match");
        (await Get("/api/claims/chg-unclear/us-trade/history")).GetProperty("versions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task a_change_that_names_no_version_is_a_428_and_nothing_is_recorded()
    {
        await Import("chg-unnamed");
        var client = app.Client(namingVersions: false);
        foreach (var (url, body) in new (string, object)[]
        {
            ("/api/claims/chg-unnamed/us-trade/corrections", new { reason = "r", statement = "s" }),
            ("/api/claims/chg-unnamed/us-trade/retraction", new { reason = "r" }),
            ("/api/calls/chg-unnamed/accounts/us-readout/revisions", new { text = new { original = "A text." }, reason = "r", publishedAt = "2025-11-25T10:00:00Z" }),
        })
        {
            var answer = await client.PostAsJsonAsync(url, body);
            answer.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired, url);
            (await answer.Content.ReadAsStringAsync()).ShouldContain("$.headers.If-Match");
        }
        (await Get("/api/claims/chg-unnamed/us-trade/history")).GetProperty("versions").GetArrayLength().ShouldBe(1);

        // An account with no text yet is at version 0: its first text names that.
        var account = await app.Client(editor: false).GetAsync("/api/calls/chg-unnamed/accounts/us-readout");
        account.Headers.ETag!.Tag.ShouldBe("\"0\"");
    }

    [Fact]
    public async Task eight_clients_correcting_one_version_at_once_make_exactly_one_change()
    {
        await Import("chg-race");
        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Send("/api/claims/chg-race/us-trade/corrections", new { reason = $"editor {i}", statement = $"Reading number {i}.", expectedVersion = 1 })));

        answers.Count(a => a.Item1 == HttpStatusCode.OK).ShouldBe(1, string.Join("; ", answers.Select(a => a.Item1)));
        answers.Count(a => a.Item1 == HttpStatusCode.Conflict).ShouldBe(7);
        var history = await Get("/api/claims/chg-race/us-trade/history");
        history.GetProperty("versions").GetArrayLength().ShouldBe(2);
    }
}
