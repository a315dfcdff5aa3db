using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

public sealed record QueryKind(string Key, string Label, Func<Random, string> Path);

/// <summary>One kind's latencies; for discrepancy queries the page's total, and whether it is exact or "more than".</summary>
public sealed record QueryRun(QueryKind Kind, Latency Latency, long? Total, bool TotalExact = true);

/// <summary>
/// Read latencies, one client, requests one after another: a warm-up pass over every kind first (first-hit code
/// generation and JIT are cold-start costs, not query costs), then the measured requests.
/// </summary>
public static class Queries
{
    // Enough calls per endpoint for .NET's tiered JIT to promote the hot paths before anything is timed.
    private const int WarmUp = 40;
    // Slow queries at a million claims would otherwise take hours; the table reports how many requests were made.
    private const int MinRequests = 20;
    private static readonly TimeSpan WarmUpBudget = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KindBudget = TimeSpan.FromMinutes(1);

    public static List<QueryKind> Kinds(IReadOnlyList<string> callIds, DateTime recordedAsOf)
    {
        string Call(Random r) => callIds[r.Next(callIds.Count)];
        string Encoded(string s) => Uri.EscapeDataString(s);
        var recorded = Encoded(recordedAsOf.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return
        [
            new("reconciliation", "GET /api/calls/{id}/reconciliation", r => $"/api/calls/{Call(r)}/reconciliation"),
            new("reconciliation_published_as_of", "… ?publishedAsOf=(call date + 1 day)", r =>
            {
                var id = Call(r);
                return $"/api/calls/{id}/reconciliation?publishedAsOf={Encoded(id[..10] + "T12:00:00+00:00")}";
            }),
            new("reconciliation_recorded_as_of", "… ?recordedAsOf=(end of bulk import)", r => $"/api/calls/{Call(r)}/reconciliation?recordedAsOf={recorded}"),
            new("call_page", "GET /calls/{id} (HTML page)", r => $"/calls/{Call(r)}"),
            new("discrepancies", "GET /api/discrepancies (no filter)", _ => "/api/discrepancies"),
            new("discrepancies_topic", "… ?topic=taiwan", _ => "/api/discrepancies?topic=taiwan"),
            new("discrepancies_verdict", "… ?verdict=contradicted", _ => "/api/discrepancies?verdict=contradicted"),
            new("discrepancies_source", "… ?source=cn-mfa", _ => "/api/discrepancies?source=cn-mfa"),
            new("discrepancies_side", "… ?side=JP", _ => "/api/discrepancies?side=JP"),
            new("discrepancies_dates", "… ?from=2024-01-01&to=2024-12-31", _ => "/api/discrepancies?from=2024-01-01&to=2024-12-31"),
            new("search_taiwan_2", "… ?q=台湾 (2 characters)", _ => "/api/discrepancies?q=" + Encoded("台湾")),
            new("search_shincho_2", "… ?q=慎重 (2 characters)", _ => "/api/discrepancies?q=" + Encoded("慎重")),
            new("search_taiwan_4", "… ?q=台湾问题 (4 characters)", _ => "/api/discrepancies?q=" + Encoded("台湾问题")),
            new("search_soybean", "… ?q=soybean", _ => "/api/discrepancies?q=soybean"),
            // Search over everything: every claim and every account text.
            new("everything_taiwan_2", "GET /api/search?q=台湾 (2 characters, names a topic)", _ => "/api/search?q=" + Encoded("台湾")),
            new("everything_taiwan_traditional", "… ?q=臺灣 (traditional, folded)", _ => "/api/search?q=" + Encoded("臺灣")),
            new("everything_shincho_2", "… ?q=慎重 (2 characters)", _ => "/api/search?q=" + Encoded("慎重")),
            new("everything_taiwan_4", "… ?q=台湾问题 (4 characters)", _ => "/api/search?q=" + Encoded("台湾问题")),
            new("everything_soybean", "… ?q=soybean", _ => "/api/search?q=soybean"),
            new("everything_text_only", "… ?q=candid and constructive (only texts hold it)", _ => "/api/search?q=" + Encoded("candid and constructive")),
            new("everything_filtered", "… ?q=tariffs&side=JP&from=2024-01-01", _ => "/api/search?q=tariffs&side=JP&from=2024-01-01"),
        ];
    }

    public static async Task<List<QueryRun>> Run(AppServer server, IEnumerable<QueryKind> kinds, int requests, int seed)
    {
        var all = kinds.ToList();
        var totals = new Dictionary<string, (long? Total, bool Exact)>();
        var warm = new Random(seed + 1);
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < WarmUp && (i < 3 || warming.Elapsed < WarmUpBudget); i++)
            foreach (var kind in all) totals[kind.Key] = Total(kind, await Fetch(server, kind.Path(warm)));

        var runs = new List<QueryRun>();
        foreach (var kind in all)
        {
            var random = new Random(seed);
            var latencies = new List<double>(requests);
            var spent = Stopwatch.StartNew();
            for (var i = 0; i < requests && (i < MinRequests || spent.Elapsed < KindBudget); i++)
            {
                var path = kind.Path(random);
                var clock = Stopwatch.StartNew();
                await Fetch(server, path);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            runs.Add(new QueryRun(kind, Latency.Of(latencies), totals[kind.Key].Total, totals[kind.Key].Exact));
        }
        return runs;
    }

    /// <summary>Reads the whole body: its transfer is part of the latency.</summary>
    private static async Task<byte[]> Fetch(AppServer server, string path)
    {
        using var response = await server.Http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new BenchFailure($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return body;
    }

    private static (long?, bool) Total(QueryKind kind, byte[] body)
    {
        if (!kind.Key.StartsWith("discrepancies", StringComparison.Ordinal) && !kind.Key.StartsWith("search", StringComparison.Ordinal)
            && !kind.Key.StartsWith("everything", StringComparison.Ordinal)) return (null, true);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("total").GetInt64(), json.RootElement.GetProperty("totalExact").GetBoolean());
    }
}
