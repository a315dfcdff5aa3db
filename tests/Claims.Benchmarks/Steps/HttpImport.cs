using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

public sealed record HttpImportRun(int Clients, Latency Latency, double DossiersPerSecond);

/// <summary>POST /api/dossiers with the editor key: new small dossiers, each a new call, from 1 or more clients at once.</summary>
public static class HttpImport
{
    public static async Task<HttpImportRun> Run(AppServer server, IReadOnlyList<string> dossiers, int clients)
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(dossiers, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (json, ct) =>
        {
            var one = Stopwatch.StartNew();
            using var response = await server.Http.SendAsync(server.Write(HttpMethod.Post, "/api/dossiers", json), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            one.Stop();
            if (response.StatusCode != HttpStatusCode.OK || body.Contains("\"appended\":0", StringComparison.Ordinal))
                throw new BenchFailure($"POST /api/dossiers answered {(int)response.StatusCode}: {body}");
            latencies.Add(one.Elapsed.TotalMilliseconds);
        });
        clock.Stop();
        return new HttpImportRun(clients, Latency.Of(latencies.ToArray()), dossiers.Count / clock.Elapsed.TotalSeconds);
    }
}
