using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Claims.Tests.Api;

/// <summary>Account texts through the real pipeline: revisions by the API and by re-import, versions, diffs, as-of views.</summary>
public class AccountTextApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Original = "The two leaders discussed trade. The US side understands how important the Taiwan question is to China.";
    private const string Revised = "The two leaders discussed trade.";

    /// <summary>A call whose US readout has a text and two claims quoting it.</summary>
    private static JsonObject Dossier(string callId)
    {
        var d = Dossiers.Minimal(callId, callId + "-cn", callId + "-us");
        d["format"] = "claims-dossier/2";
        d["accounts"]![1]!["text"] = new JsonObject { ["original"] = Original };
        var claims = d["claims"]!.AsArray();
        claims[1]!["quote"] = new JsonObject { ["text"] = "discussed trade", ["language"] = "en" };
        claims.Add(new JsonObject
        {
            ["id"] = "us-taiwan", ["account"] = "us-readout", ["topic"] = "taiwan", ["stance"] = "asserted", ["statement"] = "The US side spoke of Taiwan.",
            ["quote"] = new JsonObject { ["text"] = "understands how important the Taiwan question is to China", ["language"] = "en" }
        });
        return d;
    }

    private async Task<(HttpStatusCode, JsonElement)> Post(string url, object body, bool editor = true)
    {
        var response = await app.Client(editor).PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode, JsonElement)> Get(string url)
    {
        var response = await app.Client(editor: false).GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static object Revision(string text, string publishedAt = "2025-11-25T09:00:00-05:00", string reason = "The sentence on Taiwan was removed.") =>
        new { text = new { original = text }, publishedAt, reason };

    private static JsonElement Claim(JsonElement view, string id) =>
        view.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("claims").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == id);

    [Fact]
    public async Task a_revision_keeps_both_versions_flags_the_orphaned_claim_and_the_earlier_view_shows_the_old_text()
    {
        await app.Import(Dossier("acc-revise").ToJsonString());
        var (status, body) = await Post("/api/calls/acc-revise/accounts/us-readout/revisions", Revision(Revised));
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("version").GetInt32().ShouldBe(2);
        body.GetProperty("orphaned").EnumerateArray().Select(x => x.GetString()).ShouldBe(["us-taiwan"]);

        var (_, account) = await Get("/api/calls/acc-revise/accounts/us-readout");
        account.GetProperty("version").GetInt32().ShouldBe(2);
        account.GetProperty("text").GetProperty("original").GetString().ShouldBe(Revised);
        var versions = account.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("reason").ValueKind == JsonValueKind.Null ? null : v.GetProperty("reason").GetString())
            .ShouldBe([null, "The sentence on Taiwan was removed."]);
        versions[1].GetProperty("recordedBy").GetString().ShouldNotBeNullOrEmpty();
        versions[0].GetProperty("sha256").GetString()!.Length.ShouldBe(64);

        var (_, now) = await Get("/api/calls/acc-revise/reconciliation");
        Claim(now, "us-taiwan").GetProperty("quote").GetProperty("missingSince").GetInt32().ShouldBe(2);

        var (_, before) = await Get("/api/calls/acc-revise/reconciliation?publishedAsOf=2025-11-25T08:59:00-05:00");
        var quote = Claim(before, "us-taiwan").GetProperty("quote");
        quote.GetProperty("missingSince").ValueKind.ShouldBe(JsonValueKind.Null);
        quote.GetProperty("textVersion").GetInt32().ShouldBe(1);
        var range = quote.GetProperty("range");
        Original.Substring(range.GetProperty("start").GetInt32(), range.GetProperty("length").GetInt32())
            .ShouldBe("understands how important the Taiwan question is to China");
        var (_, old) = await Get("/api/calls/acc-revise/accounts/us-readout?publishedAsOf=2025-11-25T08:59:00-05:00");
        old.GetProperty("text").GetProperty("original").GetString().ShouldBe(Original);

        var (_, diff) = await Get("/api/calls/acc-revise/accounts/us-readout/diff?from=1&to=2");
        diff.GetProperty("granularity").GetString().ShouldBe("word");
        var removed = diff.GetProperty("segments").EnumerateArray().Where(s => s.GetProperty("op").GetString() == "removed")
            .Select(s => s.GetProperty("text").GetString()).ToList();
        string.Concat(removed).ShouldContain("Taiwan question");
    }

    [Fact]
    public async Task the_same_text_again_changes_nothing_and_bad_revisions_are_refused_by_path()
    {
        await app.Import(Dossier("acc-bad").ToJsonString());
        var (same, body) = await Post("/api/calls/acc-bad/accounts/us-readout/revisions", Revision(Original));
        same.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("unchanged").GetBoolean().ShouldBeTrue();
        body.GetProperty("version").GetInt32().ShouldBe(1);

        var (bad, problem) = await Post("/api/calls/acc-bad/accounts/us-readout/revisions",
            new { text = new { original = "x\u0000" }, publishedAt = "2025-11-20T00:00:00Z" });
        bad.ShouldBe(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        errors.ShouldBe(["$.text.original", "$.publishedAt", "$.reason"], ignoreOrder: true);

        (await Post("/api/calls/acc-bad/accounts/no-such/revisions", Revision(Revised))).Item1.ShouldBe(HttpStatusCode.NotFound);
        (await Post("/api/calls/no-such-call/accounts/us-readout/revisions", Revision(Revised))).Item1.ShouldBe(HttpStatusCode.NotFound);
        (await Post("/api/calls/acc-bad/accounts/us-readout/revisions", Revision(Revised), editor: false)).Item1.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, account) = await Get("/api/calls/acc-bad/accounts/us-readout");
        account.GetProperty("versions").GetArrayLength().ShouldBe(1);
        (await Get("/api/calls/acc-bad/accounts/us-readout?version=0")).Item1.ShouldBe(HttpStatusCode.BadRequest);
        (await Get("/api/calls/acc-bad/accounts/us-readout?version=2")).Item1.ShouldBe(HttpStatusCode.NotFound);
        var (status, tooFar) = await Get("/api/calls/acc-bad/accounts/us-readout/diff?to=5");
        status.ShouldBe(HttpStatusCode.BadRequest);
        tooFar.GetProperty("errors").GetProperty("$.query.to")[0].GetString()!.ShouldStartWith("there is no version 5;");   // the version asked for, not the one it implies
    }

    [Fact]
    public async Task a_revision_made_against_an_older_version_of_the_text_is_a_409_and_nothing_is_recorded()
    {
        await app.Import(Dossier("acc-stale").ToJsonString());
        var seen = await app.Client(editor: false).GetAsync("/api/calls/acc-stale/accounts/us-readout");
        seen.Headers.ETag!.Tag.ShouldBe("\"1\"");

        var first = new HttpRequestMessage(HttpMethod.Post, "/api/calls/acc-stale/accounts/us-readout/revisions") { Content = JsonContent.Create(Revision(Revised)) };
        first.Headers.IfMatch.ParseAdd("\"1\"");
        var accepted = await app.Client().SendAsync(first);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.ETag!.Tag.ShouldBe("\"2\"");

        // A second editor, still on version 1, revises too: refused, with the version that came in between.
        var (status, problem) = await Post("/api/calls/acc-stale/accounts/us-readout/revisions",
            new { text = new { original = Original + " Both sides agreed to stay in touch." }, publishedAt = "2025-11-25T10:00:00-05:00", reason = "Addition", expectedVersion = 1 });
        status.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        problem.GetProperty("changesSince").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([2]);
        var (_, account) = await Get("/api/calls/acc-stale/accounts/us-readout");
        account.GetProperty("versions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task a_reimported_account_with_a_changed_text_is_a_revision_with_a_warning_not_a_conflict()
    {
        var dossier = Dossier("acc-reimport");
        await app.Import(dossier.ToJsonString());
        dossier["accounts"]![1]!["text"]!["original"] = Revised;
        var response = await app.Client().PostAsync("/api/dossiers", new StringContent(dossier.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("appended").GetInt32().ShouldBe(1);
        body.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("path").GetString()).ShouldContain("$.accounts[1].text");

        // The file's first text again is version 1 of the stored history: nothing changes.
        dossier["accounts"]![1]!["text"]!["original"] = Original;
        var again = await app.Client().PostAsync("/api/dossiers", new StringContent(dossier.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("appended").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task an_exported_call_with_revisions_imports_elsewhere_to_the_same_history_and_a_different_history_conflicts()
    {
        var dossier = Dossier("acc-export");
        dossier["accounts"]![1]!["revisions"] = new JsonArray(new JsonObject
        {
            ["text"] = new JsonObject { ["original"] = Revised }, ["publishedAt"] = "2025-11-25T09:00:00-05:00", ["reason"] = "Taiwan removed"
        });
        await app.Import(dossier.ToJsonString());
        var exported = await app.Client(editor: false).GetStringAsync("/api/calls/acc-export/dossier");
        var json = JsonNode.Parse(exported)!;
        json["accounts"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "us-readout")!["revisions"]!.AsArray().Count.ShouldBe(1);

        // The same file again appends nothing; one whose history differs is a conflict on the path of the differing version.
        var same = await app.Client().PostAsync("/api/dossiers", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        JsonDocument.Parse(await same.Content.ReadAsStringAsync()).RootElement.GetProperty("appended").GetInt32().ShouldBe(0);
        var other = json.DeepClone();
        other["accounts"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "us-readout")!["revisions"]![0]!["text"]!["original"] = "Something else.";
        var conflict = await app.Client().PostAsync("/api/dossiers", new StringContent(other.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.Content.ReadAsStringAsync()).ShouldContain("revisions[0]");
    }
}
