using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Web.Features.Alerts;

namespace Claims.Tests.Alerts;

/// <summary>Alerts reach webhooks through a real HTTP receiver: signed, once each, after the receiver was down, or as dead letters that replay.</summary>
public class WebhookDeliveryTests(AlertAppFixture app) : IClassFixture<AlertAppFixture>
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private async Task<string> Subscribe(string url, JsonObject filter)
    {
        var response = await app.Client().PostAsJsonAsync("/api/subscriptions", new JsonObject { ["url"] = url, ["secret"] = Secret, ["filter"] = filter });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The ids of the alerts stored for a call, as /api/alerts lists them.</summary>
    private async Task<List<string>> AlertsOf(string callId, string topic)
    {
        var alerts = await app.Client(editor: false).GetFromJsonAsync<JsonElement>($"/api/alerts?topic={topic}");
        return alerts.EnumerateArray().Where(a => a.GetProperty("callId").GetString() == callId).Select(a => a.GetProperty("id").GetString()!).ToList();
    }

    private Task<HttpResponseMessage> Retract(string callId, string claimId) =>
        app.Client().PostAsJsonAsync($"/api/claims/{callId}/{claimId}/retraction", new { reason = "Not in the readout after all." });

    [Fact]
    public async Task a_receiver_that_was_down_gets_every_alert_once_signed_and_only_those_its_filter_asks_for()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        await Subscribe(receiver.Url, new JsonObject { ["topic"] = "taiwan", ["side"] = "US" });
        await receiver.StopAsync();

        // While it is down: three calls whose US readouts leave Taiwan out (an alert each; their trade omissions do
        // not pass the filter), then one of them has its Taiwan claim retracted (the omission disappears: an alert).
        foreach (var id in new[] { "wh-down-1", "wh-down-2", "wh-down-3" }) await app.Import(Dossiers.Minimal(id, "wh-cn", "wh-us").ToJsonString());
        await app.WaitForProjections();
        (await Retract("wh-down-2", "cn-taiwan")).EnsureSuccessStatusCode();
        await app.WaitForProjections();
        await Task.Delay(TimeSpan.FromSeconds(2));
        receiver.Received.ShouldBeEmpty();

        await receiver.StartAsync();
        var expected = (await AlertsOf("wh-down-1", "taiwan")).Concat(await AlertsOf("wh-down-2", "taiwan")).Concat(await AlertsOf("wh-down-3", "taiwan")).ToList();
        expected.Count.ShouldBe(4);
        (await receiver.WaitFor(r => r.Count >= expected.Count, TimeSpan.FromSeconds(30))).ShouldBeTrue($"{receiver.Received.Count} of {expected.Count} arrived");
        await Task.Delay(TimeSpan.FromSeconds(AlertAppFixture.RetrySeconds.Sum()));

        var received = receiver.Received.ToList();
        received.Select(r => r.AlertId).Order().ShouldBe(expected.Order());
        received.Select(r => r.Id).Distinct().Count().ShouldBe(received.Count);
        received.Select(r => r.Json.GetProperty("type").GetString()).Order().ShouldBe(["discrepancy.appeared", "discrepancy.appeared", "discrepancy.appeared", "discrepancy.disappeared"]);
        foreach (var r in received)
            r.Signature.ShouldBe(WebhookSignature.Sign(Secret, r.Id, long.Parse(r.Timestamp), r.Body), "signed as Standard Webhooks does");
        var gone = received.Single(r => r.Json.GetProperty("type").GetString() == "discrepancy.disappeared").Json.GetProperty("data");
        gone.GetProperty("callId").GetString().ShouldBe("wh-down-2");
        gone.GetProperty("description").GetString().ShouldBe("omitted by the US readout (The White House)");
        gone.GetProperty("by").GetString().ShouldBe("administrator");
    }

    [Fact]
    public async Task a_delivery_that_fails_every_attempt_is_a_dead_letter_that_editors_see_and_replay_once()
    {
        var port = LoopbackPort.Free();
        var subscription = await Subscribe($"http://127.0.0.1:{port}/hooks/claims", new JsonObject { ["topic"] = "trade", ["q"] = "mainly about trade" });
        await app.Import(Dossiers.Minimal("wh-dead", "wh-cn", "wh-us").ToJsonString());
        await app.WaitForProjections();
        var alert = (await AlertsOf("wh-dead", "trade")).ShouldHaveSingleItem();

        var client = app.Client();
        JsonElement letters = default;
        var until = DateTime.UtcNow.AddSeconds(AlertAppFixture.RetrySeconds.Sum() + 30);
        while (DateTime.UtcNow < until)
        {
            letters = await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscription}/dead-letters");
            if (letters.GetArrayLength() > 0) break;
            await Task.Delay(500);
        }
        var letter = letters.EnumerateArray().ShouldHaveSingleItem();
        letter.GetProperty("alertId").GetString().ShouldBe(alert);
        letter.GetProperty("error").GetString()!.ShouldContain($"127.0.0.1:{port}");
        (await app.Client(editor: false).GetAsync($"/api/subscriptions/{subscription}/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var receiver = await WebhookReceiver.StartedAsync(port);
        var replay = await client.PostAsync($"/api/subscriptions/{subscription}/dead-letters/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());
        (await receiver.WaitFor(r => r.Count >= 1, TimeSpan.FromSeconds(30))).ShouldBeTrue("the replayed delivery arrived");
        await Task.Delay(TimeSpan.FromSeconds(3));
        receiver.Received.ShouldHaveSingleItem().AlertId.ShouldBe(alert);
        (await client.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscription}/dead-letters")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task an_ended_subscription_receives_nothing_more_and_keeps_its_record()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        var subscription = await Subscribe(receiver.Url, new JsonObject { ["source"] = "wh-end-us" });
        var ended = await app.Client().DeleteAsync($"/api/subscriptions/{subscription}");
        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Import(Dossiers.Minimal("wh-ended", "wh-end-cn", "wh-end-us").ToJsonString());
        await app.WaitForProjections();
        (await AlertsOf("wh-ended", "taiwan")).ShouldHaveSingleItem();
        await Task.Delay(TimeSpan.FromSeconds(2));
        receiver.Received.ShouldBeEmpty();

        var record = await app.Client().GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscription}");
        record.GetProperty("active").GetBoolean().ShouldBeFalse();
        record.GetProperty("endedBy").GetString().ShouldBe("administrator");
        record.TryGetProperty("secret", out _).ShouldBeFalse("the secret is never shown");
    }
}
