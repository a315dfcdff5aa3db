using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Claims.Benchmarks.Measuring;
using Claims.Domain;
using Claims.Domain.Discrepancies;
using Claims.Web.Features.Discrepancies;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Claims.Benchmarks.Steps;

/// <summary>One load level: every request's latency by kind, the errors, and the floors measured beside it at that level.</summary>
public sealed record MixedReadRun(int Clients, Latency All, IReadOnlyDictionary<string, Latency> Kinds, int Errors, double RequestsPerSecond,
    Latency HttpFloor, Latency ViewFloor, Latency QueryFloor);

/// <summary>
/// Readers at once, each asking what a newsroom asks, in turn: the call list (the home page and the API, a page deep
/// into it), a call page, a call's view, discrepancies with filters, search. Beside it, at the same concurrency and in
/// the same run, the floors every latency is measured against: a constant answered by a bare ASP.NET Core endpoint (the
/// HTTP floor), the view's document read by primary key through Npgsql (the view's floor), and the SQL the discrepancy
/// API sends for its filters, run directly (the query's floor). Machines differ by a factor of two; ratios to the
/// floors are what compare from run to run.
/// </summary>
public static class MixedReads
{
    public const string DiscrepancyFilters = "verdict=omitted&side=US&from=2024-01-01";

    public static async Task<MixedReadRun> Run(AppServer server, BenchDatabase db, string schema, IReadOnlyList<string> callIds, int clients, int requests)
    {
        string Call(Random r) => callIds[r.Next(callIds.Count)];
        var pages = Math.Max(1, callIds.Count / 50);
        (string Kind, Func<Random, string> Path)[] mix =
        [
            ("home", _ => "/"),
            ("call_list", r => $"/api/calls?page={r.Next(1, pages + 1)}"),
            ("call_page", r => $"/calls/{Call(r)}"),
            ("call_view", r => $"/api/calls/{Call(r)}/reconciliation"),
            ("discrepancies", _ => $"/api/discrepancies?{DiscrepancyFilters}"),
            ("search", _ => "/api/search?q=" + Uri.EscapeDataString("台湾")),
        ];
        var byKind = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var all = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
        {
            var (kind, path) = mix[i % mix.Length];
            var url = path(new Random(BenchSettings.Seed + i));
            var one = Stopwatch.StartNew();
            try
            {
                using var response = await server.Http.GetAsync(url, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException) { Interlocked.Increment(ref errors); }
            var ms = one.Elapsed.TotalMilliseconds;
            all.Add(ms);
            byKind.GetOrAdd(kind, _ => []).Add(ms);
        });
        var seconds = clock.Elapsed.TotalSeconds;

        var floorRequests = Math.Min(requests, 2000);
        return new MixedReadRun(clients, Latency.Of(all.ToArray()), byKind.ToDictionary(k => k.Key, k => Latency.Of(k.Value.ToArray())),
            errors, requests / seconds,
            await HttpFloor(clients, floorRequests),
            await ViewFloor(db, schema, callIds, clients, floorRequests),
            await QueryFloor(db, schema, clients, floorRequests));
    }

    /// <summary>One level's figures on a line, then each kind's p50 / p95 beside its floor.</summary>
    public static string Describe(MixedReadRun run) =>
        $"mixed reads at {run.Clients} clients: p95 {run.All.P95:0.0} ms ({run.All.P95 / run.HttpFloor.P95:0.0} × the HTTP floor of {run.HttpFloor.P95:0.0} ms), "
        + $"{run.Errors} errors, {run.RequestsPerSecond:0} requests/s; p50 / p95: "
        + string.Join(", ", run.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value.P50:0.0} / {k.Value.P95:0.0}"))
        + $"; floors: view {run.ViewFloor.P50:0.0} / {run.ViewFloor.P95:0.0}, query {run.QueryFloor.P50:0.0} / {run.QueryFloor.P95:0.0} ms";

    private static async Task<Latency> Timed(int clients, int requests, Func<int, CancellationToken, Task> request)
    {
        var times = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
        {
            var one = Stopwatch.StartNew();
            await request(i, ct);
            times.Add(one.Elapsed.TotalMilliseconds);
        });
        return Latency.Of(times.ToArray());
    }

    /// <summary>A bare ASP.NET Core endpoint on this machine answering a constant, asked through the same kind of client.</summary>
    private static async Task<Latency> HttpFloor(int clients, int requests)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/constant", () => "ok");
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(app.Urls.First()) };
        return await Timed(clients, requests, async (_, ct) => { using var r = await http.GetAsync("/constant", ct); await r.Content.LoadIntoBufferAsync(ct); });
    }

    /// <summary>The view's document (the call's state) read by its primary key, nothing else.</summary>
    private static async Task<Latency> ViewFloor(BenchDatabase db, string schema, IReadOnlyList<string> callIds, int clients, int requests)
    {
        var sql = $"select data from {schema}.mt_doc_callreconciliation where id = $1";
        return await Timed(clients, requests, async (i, ct) =>
        {
            await using var command = db.DataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = callIds[new Random(BenchSettings.Seed + i).Next(callIds.Count)] });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) _ = reader.GetString(0);
        });
    }

    /// <summary>The page query the discrepancy API sends for <see cref="DiscrepancyFilters"/>, as Marten writes it, run directly.</summary>
    private static async Task<Latency> QueryFloor(BenchDatabase db, string schema, int clients, int requests)
    {
        await using var store = DocumentStore.For(opts => ClaimsStore.Configure(opts, db.ConnectionString, schema));
        await using var session = store.QuerySession();
        var (query, _) = DiscrepancyQuery.Parse(null, ["omitted"], null, "US", "2024-01-01", null, null, null, null);
        await using var template = query!.Apply(session.Query<DiscrepancyRow>(), DiscrepancyQuery.SearchTableOf(session)).Take(query.PageSize).ToCommand(FetchType.FetchMany);
        return await Timed(clients, requests, async (_, ct) =>
        {
            await using var command = db.DataSource.CreateCommand(template.CommandText);
            foreach (NpgsqlParameter p in template.Parameters) command.Parameters.Add(p.Clone());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) { }
        });
    }
}
