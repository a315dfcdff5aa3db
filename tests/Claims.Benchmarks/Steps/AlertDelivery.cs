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
/// one at a time, a claim on a topic new to its call (the call's readouts from the other side are then silent on
/// it: an omission appears); the time from the POST's answer (the change committed) to the webhook's arrival.
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
        foreach (var (target, i) in targets.Take(count).Select((t, i) => (t, i)))
        {
            var topic = $"alert-bench-{i}";
            var claim = JsonSerializer.Serialize(new { id = $"alert-bench-{i}", account = target.AccountId, topic, stance = "asserted", statement = $"Alert benchmark {i}." });
            using var response = await server.Http.SendAsync(server.Write(HttpMethod.Post, $"/api/calls/{target.CallId}/claims", claim));
            var committed = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Created)
                throw new BenchFailure($"POST a claim answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var waited = Stopwatch.StartNew();
            while (!arrived.ContainsKey($"{target.CallId} {topic}") && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(2);
            if (arrived.TryGetValue($"{target.CallId} {topic}", out var at)) latencies.Add(Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds);
            else missing++;   // a call with no readout from the other side: no omission, so no alert
        }
        return new AlertDeliveryRun(latencies.Count, missing, Latency.Of(latencies.ToArray()));
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
