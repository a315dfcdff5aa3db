using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Claims.Benchmarks.Corpus;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

public sealed record DeskClaimsRun(int Clients, Latency Latency, double ClaimsPerSecond);

/// <summary>
/// POST /api/calls/{id}/claims, the desk recording one claim at a time on calls of the corpus (each on one of the
/// call's accounts, spread over the whole corpus), from several editors at once.
/// </summary>
public static class DeskClaims
{
    /// <summary>Where the claims go: an account of a call, picked with the seed before the corpus rows are let go.</summary>
    public static List<(string CallId, string AccountId)> Targets(IReadOnlyList<ClaimRow> rows, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rows[random.Next(rows.Count)]).Select(r => (r.CallId, r.AccountId)).ToList();
    }

    public static async Task<DeskClaimsRun> Run(AppServer server, IReadOnlyList<(string CallId, string AccountId)> targets, int clients, string idPrefix = "desk")
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(targets.Select((t, i) => (t.CallId, t.AccountId, i)), new ParallelOptions { MaxDegreeOfParallelism = clients },
            async (target, ct) =>
            {
                var claim = JsonSerializer.Serialize(new
                {
                    id = $"{idPrefix}-{target.i}", account = target.AccountId, topic = "desk-recorded", stance = "asserted",
                    statement = $"A claim recorded at the desk, number {target.i}."
                });
                var path = $"/api/calls/{target.CallId}/claims";
                var one = Stopwatch.StartNew();
                using var response = await server.Http.SendAsync(server.Write(HttpMethod.Post, path, claim), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                one.Stop();
                if (response.StatusCode != HttpStatusCode.Created) throw new BenchFailure($"POST {path} answered {(int)response.StatusCode}: {body}");
                latencies.Add(one.Elapsed.TotalMilliseconds);
            });
        clock.Stop();
        return new DeskClaimsRun(clients, Latency.Of(latencies.ToArray()), targets.Count / clock.Elapsed.TotalSeconds);
    }
}
