using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;

namespace Claims.Tests.Api;

/// <summary>POST /api/dossiers through the real pipeline: validation, the editor key, idempotence, conflicts, concurrency.</summary>
public class ImportApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(JsonNode dossier, HttpClient? client = null) =>
        await Post(dossier.ToJsonString(), client);

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string body, HttpClient? client = null)
    {
        var response = await (client ?? app.Client()).PostAsync("/api/dossiers", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<int> EventCount(string streamKey)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamKey)).Count;
    }

    [Fact]
    public async Task importing_appends_every_item_and_reimporting_appends_nothing()
    {
        var dossier = Dossiers.Minimal("import-twice", "imp-cn", "imp-us");

        var (status, body) = await Post(dossier);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("callId").GetString().ShouldBe("import-twice");
        body.GetProperty("appended").GetInt32().ShouldBe(7);      // call, 2 sources, 2 accounts, 2 claims
        body.GetProperty("unchanged").GetInt32().ShouldBe(0);

        (status, body) = await Post(dossier);
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("appended").GetInt32().ShouldBe(0);
        body.GetProperty("unchanged").GetInt32().ShouldBe(7);
        (await EventCount("import-twice")).ShouldBe(5);
    }

    [Fact]
    public async Task events_record_the_editor_and_the_way_they_came()
    {
        var client = await app.EditorClient("Ana Fact-checker");
        client.DefaultRequestHeaders.Add("X-Editor", "Somebody Else");   // a name the request declares counts for nothing
        var (status, _) = await Post(Dossiers.Minimal("import-editor", "ed-cn", "ed-us"), client);
        status.ShouldBe(HttpStatusCode.OK);

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("import-editor");
        events.ShouldAllBe(e => e.UserName == "Ana Fact-checker");
        events.ShouldAllBe(e => (e.GetHeader("via") ?? "").ToString() == "http");
        events.ShouldAllBe(e => !string.IsNullOrEmpty(e.CorrelationId));
    }

    [Fact]
    public async Task a_new_claim_in_a_reimport_is_appended_alone()
    {
        var dossier = Dossiers.Minimal("import-grow", "grow-cn", "grow-us");
        (await Post(dossier)).Status.ShouldBe(HttpStatusCode.OK);

        dossier["claims"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "us-taiwan", ["account"] = "us-readout", ["topic"] = "taiwan", ["stance"] = "denied", ["statement"] = "Taiwan never came up."
        });
        var (status, body) = await Post(dossier);
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("appended").GetInt32().ShouldBe(1);
        body.GetProperty("unchanged").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task every_broken_rule_is_listed_by_path_and_nothing_is_appended()
    {
        var dossier = Dossiers.Minimal("import-broken", "br-cn", "br-us");
        dossier["claims"]![0]!["stance"] = "maybe";
        dossier["claims"]![1]!["account"] = "nowhere";
        dossier["accounts"]![0]!["publishedAt"] = "2025-11-24 21:00";
        dossier["call"]!["kind"] = "dinner";

        var (status, body) = await Post(dossier);
        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldBe(["$.call.kind", "$.accounts[0].publishedAt", "$.claims[0].stance", "$.claims[1].account"], ignoreOrder: true);
        (await EventCount("import-broken")).ShouldBe(0);
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamAsync("source:br-cn")).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_account_naming_an_unknown_source_is_refused_with_its_path()
    {
        var dossier = Dossiers.Minimal("import-unknown-source", "uk-cn", "uk-us");
        dossier["sources"]!.AsArray().RemoveAt(1);
        var (status, body) = await Post(dossier);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").TryGetProperty("$.accounts[1].source", out _).ShouldBeTrue(body.ToString());
        (await EventCount("import-unknown-source")).ShouldBe(0);
    }

    [Fact]
    public async Task a_source_stored_by_an_earlier_import_may_be_named_without_being_listed()
    {
        (await Post(Dossiers.Minimal("import-reuse-1", "reuse-cn", "reuse-us"))).Status.ShouldBe(HttpStatusCode.OK);
        var second = Dossiers.Minimal("import-reuse-2", "reuse-cn", "reuse-us");
        second.Remove("sources");
        var (status, body) = await Post(second);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("appended").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("{\"format\": \"claims-dossier/1\", \"call\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task broken_json_is_a_400(string body)
    {
        var (status, problem) = await Post(body);
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString()!.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task a_claim_stored_with_other_content_is_a_409_naming_it()
    {
        var dossier = Dossiers.Minimal("import-conflict", "cf-cn", "cf-us");
        (await Post(dossier)).Status.ShouldBe(HttpStatusCode.OK);

        dossier["claims"]![0]!["statement"] = "Xi did not raise Taiwan.";
        dossier["claims"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "new-one", ["account"] = "us-readout", ["topic"] = "soybeans", ["stance"] = "asserted", ["statement"] = "Soybeans."
        });
        var (status, body) = await Post(dossier);
        status.ShouldBe(HttpStatusCode.Conflict);
        var conflict = body.GetProperty("errors").GetProperty("$.claims[0]")[0].GetString()!;
        conflict.ShouldContain("cn-taiwan");
        (await EventCount("import-conflict")).ShouldBe(5);   // the new claim was not appended either
    }

    [Fact]
    public async Task a_source_stored_with_another_side_is_a_409()
    {
        (await Post(Dossiers.Minimal("import-src-1", "src-cn", "src-us"))).Status.ShouldBe(HttpStatusCode.OK);
        var second = Dossiers.Minimal("import-src-2", "src-cn", "src-us");
        second["sources"]![0]!["side"] = "TW";
        var (status, body) = await Post(second);
        status.ShouldBe(HttpStatusCode.Conflict);
        body.GetProperty("errors").GetProperty("$.sources[0]")[0].GetString()!.ShouldContain("src-cn");
        (await EventCount("import-src-2")).ShouldBe(0);
    }

    [Fact]
    public async Task writes_without_the_key_are_401_and_with_a_wrong_key_too()
    {
        var dossier = Dossiers.Minimal("import-unauthorised", "ua-cn", "ua-us");
        (await Post(dossier, app.Client(editor: false))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await Post(dossier, app.Client(key: "wrong-key"))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await EventCount("import-unauthorised")).ShouldBe(0);
    }

    [Theory]
    [InlineData("import-race", true)]
    [InlineData("import-race-new", false)]
    public async Task concurrent_imports_into_one_call_all_land(string callId, bool callExists)
    {
        if (callExists) (await Post(Dossiers.Minimal(callId, callId + "-cn", callId + "-us"))).Status.ShouldBe(HttpStatusCode.OK);

        JsonObject WithClaims(string prefix, int count)
        {
            var d = Dossiers.Minimal(callId, callId + "-cn", callId + "-us");
            for (var i = 0; i < count; i++)
                d["claims"]!.AsArray().Add(new JsonObject
                {
                    ["id"] = $"{prefix}-{i}", ["account"] = "cn-readout", ["topic"] = $"topic-{prefix}", ["stance"] = "asserted", ["statement"] = $"{prefix} {i}"
                });
            return d;
        }

        var imports = Enumerable.Range(0, 6).Select(i => Post(WithClaims($"writer{i}", 3))).ToList();
        var results = await Task.WhenAll(imports);
        results.ShouldAllBe(r => r.Status == HttpStatusCode.OK);

        results.Sum(r => r.Body.GetProperty("appended").GetInt32()).ShouldBe(callExists ? 18 : 18 + 7);

        var view = await app.Client(editor: false).GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/reconciliation");
        view.GetProperty("claimCount").GetInt32().ShouldBe(20);
    }
}
