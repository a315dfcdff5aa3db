using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Claims.Benchmarks.Measuring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Claims.Benchmarks.Steps;

public sealed record AlertDeliveryRun(int Alerts, int Missing, Latency Latency);

/// <summary>
/// From a change's commit to its alert at a webhook: a receiver on a loopback port subscribes; the desk records,
/// one at a time, on a party's readout of a call that has the other party's readout too, a claim on a topic new to
/// the call (the other side is then silent on it: an omission appears); the time from the POST's answer (the
/// change committed) to the webhook's arrival. A change whose alert never comes within 10 s counts as missing.
/// </summary>
public static class AlertDelivery
{
    public static async Task<AlertDeliveryRun> Run(AppServer server, IReadOnlyList<(string CallId, string AccountId)> targets, int count)
    {
        var arrived = new ConcurrentDictionary<string, long>();
        await using var receiver = await Receiver(arrived);
        var subscribe = JsonSerializer.Serialize(new { url = receiver.Urls.First() + "/hook", secret = "bench-secret-of-twenty", description = "benchmark" });
        using (var created = await server.Http.SendAsync(server.Write(HttpMethod.Post, "/api/subscriptions", subscribe)))
            if (created.StatusCode != HttpStatusCode.Created)
                throw new BenchFailure($"POST /api/subscriptions answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");

        var latencies = new List<double>();
        var missing = 0;
        var i = 0;
        foreach (var callId in targets.Select(t => t.CallId).Distinct())
        {
            if (latencies.Count + missing >= count) break;
            if (await ReadoutOpposed(server, callId) is not { } account) continue;
            var topic = $"alert-bench-{i++}";
            var claim = JsonSerializer.Serialize(new { id = topic, account, topic, stance = "asserted", statement = $"Alert benchmark {i}." });
            using var response = await server.Http.SendAsync(server.Write(HttpMethod.Post, $"/api/calls/{callId}/claims", claim));
            var committed = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Created)
                throw new BenchFailure($"POST a claim answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var waited = Stopwatch.StartNew();
            while (!arrived.ContainsKey($"{callId} {topic}") && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(2);
            if (arrived.TryGetValue($"{callId} {topic}", out var at)) latencies.Add(Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds);
            else missing++;
        }
        return new AlertDeliveryRun(latencies.Count, missing, Latency.Of(latencies.ToArray()));
    }

    /// <summary>A party's readout of the call when another party's readout exists (a topic only the first speaks to is then omitted by the other side), or null.</summary>
    private static async Task<string?> ReadoutOpposed(AppServer server, string callId)
    {
        using var view = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/calls/{callId}/reconciliation"));
        var root = view.RootElement;
        var parties = root.GetProperty("call").GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("side").GetString()).ToHashSet();
        var sides = root.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("side").GetString());
        var readouts = root.GetProperty("accounts").EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "readout" && parties.Contains(sides[a.GetProperty("source").GetString()!]))
            .Select(a => (Id: a.GetProperty("id").GetString()!, Side: sides[a.GetProperty("source").GetString()!])).ToList();
        return readouts.FirstOrDefault(r => readouts.Any(o => o.Side != r.Side)).Id;
    }

    private static async Task<WebApplication> Receiver(ConcurrentDictionary<string, long> arrived)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            using var body = await JsonDocument.ParseAsync(request.Body);
            var data = body.RootElement.GetProperty("data");
            arrived.TryAdd($"{data.GetProperty("callId").GetString()} {data.GetProperty("topic").GetString()}", at);
            return Results.NoContent();
        });
        await app.StartAsync();
        return app;
    }
}
