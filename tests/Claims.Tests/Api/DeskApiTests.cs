using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Claims.Tests.Api;

/// <summary>A call recorded one item at a time (POST /api/calls, /api/sources, /api/calls/{id}/accounts, /api/calls/{id}/claims).</summary>
public class DeskApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Post(
        HttpClient client, string url, JsonNode? body, string? raw = null)
    {
        var response = await client.PostAsync(url, new StringContent(raw ?? body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private static async Task Created(HttpClient client, string url, JsonNode body)
    {
        var (status, answer, _) = await Post(client, url, body);
        status.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], $"{url}: {answer}");
    }

    private async Task<string> View(string callId) =>
        Views.Neutral(await app.Client(editor: false).GetStringAsync($"/api/calls/{callId}/reconciliation"), callId);

    [Fact]
    public async Task a_call_recorded_item_by_item_by_two_editors_at_once_reconciles_exactly_like_the_sample_imported_as_a_dossier()
    {
        await app.Import(Views.SampleAs("desk-file").ToJsonString());

        var desk = Views.SampleAs("desk-items");
        var (one, two) = (app.Client(), app.Client());
        foreach (var source in desk["sources"]!.AsArray()) await Created(one, "/api/sources", source!.DeepClone());
        await Created(one, "/api/calls", desk["call"]!.DeepClone());
        var accounts = desk["accounts"]!.AsArray().Select(a => a!.DeepClone()).ToList();
        // Two editors at once: each publishes every other account, then records every other claim.
        await Task.WhenAll(
            Task.Run(async () => { foreach (var a in accounts.Where((_, i) => i % 2 == 0)) await Created(one, "/api/calls/desk-items/accounts", a); }),
            Task.Run(async () => { foreach (var a in accounts.Where((_, i) => i % 2 == 1)) await Created(two, "/api/calls/desk-items/accounts", a); }));
        var claims = desk["claims"]!.AsArray().Select(c => c!.DeepClone()).ToList();
        await Task.WhenAll(
            Task.Run(async () => { foreach (var c in claims.Where((_, i) => i % 2 == 0)) await Created(one, "/api/calls/desk-items/claims", c); }),
            Task.Run(async () => { foreach (var c in claims.Where((_, i) => i % 2 == 1)) await Created(two, "/api/calls/desk-items/claims", c); }));

        var items = await View("desk-items");
        var file = await View("desk-file");
        items.ShouldBe(file);
        items.ShouldContain("\"topic\":\"taiwan\"");
    }

    [Fact]
    public async Task each_item_is_201_with_its_location_once_and_200_when_sent_again()
    {
        var client = app.Client();
        var call = new JsonObject
        {
            ["id"] = "desk-once", ["title"] = "A call", ["kind"] = "phone-call", ["date"] = "2025-11-24",
            ["participants"] = new JsonArray(new JsonObject { ["name"] = "A", ["side"] = "CN" }, new JsonObject { ["name"] = "B", ["side"] = "US" })
        };
        var (status, body, response) = await Post(client, "/api/calls", call);
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        response.Headers.Location!.ToString().ShouldBe("/api/calls/desk-once/reconciliation");
        body.GetProperty("appended").GetInt32().ShouldBe(1);
        (await Post(client, "/api/calls", call)).Status.ShouldBe(HttpStatusCode.OK);

        var source = new JsonObject { ["id"] = "desk-once-cn", ["name"] = "Desk CN", ["side"] = "CN", ["kind"] = "government" };
        (await Post(client, "/api/sources", source)).Status.ShouldBe(HttpStatusCode.Created);
        (await Post(client, "/api/sources", source)).Status.ShouldBe(HttpStatusCode.OK);
        var renamed = source.DeepClone();
        renamed["name"] = "Another name";
        var (conflict, problem, _) = await Post(client, "/api/sources", renamed);
        conflict.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("errors").GetProperty("$").ToString().ShouldContain("Desk CN");

        var account = new JsonObject
        {
            ["id"] = "cn-readout", ["source"] = "desk-once-cn", ["kind"] = "readout", ["publishedAt"] = "2025-11-24T22:30:00+08:00",
            ["language"] = "zh", ["text"] = new JsonObject { ["original"] = "双方讨论了台湾问题。" }
        };
        (status, body, response) = await Post(client, "/api/calls/desk-once/accounts", account);
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");

        var claim = new JsonObject
        {
            ["id"] = "cn-taiwan", ["account"] = "cn-readout", ["topic"] = "taiwan", ["stance"] = "asserted", ["statement"] = "Taiwan was discussed.",
            ["quote"] = new JsonObject { ["text"] = "台湾问题", ["language"] = "zh" }
        };
        (status, body, response) = await Post(client, "/api/calls/desk-once/claims", claim);
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        response.Headers.Location!.ToString().ShouldBe("/api/claims/desk-once/cn-taiwan/history");
        (await Post(client, "/api/calls/desk-once/claims", claim)).Status.ShouldBe(HttpStatusCode.OK);

        var changed = claim.DeepClone();
        changed["statement"] = "Something else.";
        (status, body, _) = await Post(client, "/api/calls/desk-once/claims", changed);
        status.ShouldBe(HttpStatusCode.Conflict);
        body.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("$");

        var view = await app.Client(editor: false).GetFromJsonAsync<JsonElement>("/api/calls/desk-once/reconciliation");
        view.GetProperty("topics").EnumerateArray().Single().GetProperty("topic").GetString().ShouldBe("taiwan");
    }

    [Fact]
    public async Task bad_items_are_400_naming_each_field_and_nothing_is_recorded()
    {
        await app.Import(Dossiers.Minimal("desk-bad", "desk-bad-cn", "desk-bad-us").ToJsonString());
        var client = app.Client();
        var before = await Events("desk-bad");

        var (status, body, _) = await Post(client, "/api/calls", new JsonObject { ["id"] = "Not A Slug", ["kind"] = "dinner", ["date"] = "24 Nov" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        var paths = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("$.id");
        paths.ShouldContain("$.title");
        paths.ShouldContain("$.kind");
        paths.ShouldContain("$.date");

        var claim = new JsonObject { ["id"] = "x", ["account"] = "no-such-account", ["topic"] = "trade", ["stance"] = "asserted", ["statement"] = "Fine." };
        (status, body, _) = await Post(client, "/api/calls/desk-bad/claims", claim);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").GetProperty("$.account").ToString().ShouldContain("no-such-account");

        // As JSON text: a JSON writer would replace a lone surrogate before it left the client.
        foreach (var odd in new[] { "\"Trade\\u0000.\"", "\"Trade\\ud800.\"", $"\"{new string('x', 5_000_000)}\"" })
        {
            var oddClaim = $$"""{"id": "odd", "account": "cn-readout", "topic": "trade", "stance": "asserted", "statement": {{odd}}}""";
            (status, body, _) = await Post(client, "/api/calls/desk-bad/claims", JsonNode.Parse("null"), oddClaim);
            status.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
            body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("$.statement");
        }
        var trailing = new JsonObject { ["id"] = "odd\n", ["account"] = "cn-readout", ["topic"] = "trade", ["stance"] = "asserted", ["statement"] = "Fine." };
        (status, body, _) = await Post(client, "/api/calls/desk-bad/claims", trailing);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("$.id");

        var account = new JsonObject { ["id"] = "late", ["source"] = "no-such-source", ["kind"] = "readout", ["publishedAt"] = "2025-11-24T22:30:00+08:00" };
        (status, body, _) = await Post(client, "/api/calls/desk-bad/accounts", account);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").GetProperty("$.source").ToString().ShouldContain("POST /api/sources");

        (await Post(client, "/api/calls/no-such-call/claims", claim)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Post(app.Client(editor: false), "/api/calls/desk-bad/claims", claim)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await Post(client, "/api/calls/desk-bad/claims", null)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Events("desk-bad")).ShouldBe(before);
    }

    [Fact]
    public async Task an_item_sent_against_an_older_version_of_the_call_is_a_409_with_what_changed_since()
    {
        await app.Import(Dossiers.Minimal("desk-stale", "desk-stale-cn", "desk-stale-us").ToJsonString());
        var client = app.Client(editor: false);
        var seen = await client.GetAsync("/api/calls/desk-stale/reconciliation");
        var etag = seen.Headers.ETag!.Tag;

        JsonObject Claim(string id) => new()
        {
            ["id"] = id, ["account"] = "cn-readout", ["topic"] = "grain", ["stance"] = "asserted", ["statement"] = "Grain came up."
        };
        var first = app.Client();
        first.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", etag);
        var (status, body, response) = await Post(first, "/api/calls/desk-stale/claims", Claim("first"));
        status.ShouldBe(HttpStatusCode.Created, body.ToString());

        (status, body, _) = await Post(first, "/api/calls/desk-stale/claims", Claim("second"));
        status.ShouldBe(HttpStatusCode.Conflict);
        body.GetProperty("currentVersion").GetInt32().ShouldBe(int.Parse(etag.Trim('"')) + 1);
        body.GetProperty("changesSince").EnumerateArray().Single().GetProperty("change").GetString().ShouldBe("claim_recorded");

        var now = (await client.GetAsync("/api/calls/desk-stale/reconciliation")).Headers.ETag!.Tag;
        now.ShouldBe($"\"{body.GetProperty("currentVersion").GetInt32()}\"");
    }

    private async Task<int> Events(string callId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(callId)).Count;
    }
}
