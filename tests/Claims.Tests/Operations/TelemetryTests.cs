using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Claims.Tests.Operations;

/// <summary>An OTLP collector stand-in: a loopback HTTP server that keeps every export it is sent, by signal.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<(string Signal, byte[] Body)> Exports { get; } = new();
    public string Endpoint { get; }

    private OtlpCollector(WebApplication app, string endpoint) { _app = app; Endpoint = endpoint; }

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        OtlpCollector? collector = null;
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            collector!.Exports.Enqueue((signal, buffer.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        collector = new OtlpCollector(app, app.Urls.First());
        return collector;
    }

    /// <summary>Every trace export so far, as one byte array (OTLP's protobuf keeps names and ids as raw bytes).</summary>
    public byte[] Traces => Exports.Where(e => e.Signal == "traces").SelectMany(e => e.Body).ToArray();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed class TelemetryAppFixture : AppFixture
{
    public OtlpCollector Collector { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000"
    };

    public override async Task InitializeAsync()
    {
        Collector = await OtlpCollector.StartAsync();
        await base.InitializeAsync();
    }
}

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, a request's trace reaches the collector with its HTTP span, Marten's session and the SQL.</summary>
public class TelemetryTests(TelemetryAppFixture app) : IClassFixture<TelemetryAppFixture>
{
    private static int Count(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var i = haystack.AsSpan().IndexOf(needle); i >= 0; i = haystack.AsSpan(i + 1).IndexOf(needle) is var next and >= 0 ? i + 1 + next : -1) count++;
        return count;
    }

    [Fact]
    public async Task a_requests_trace_shows_the_http_span_the_marten_session_and_the_sql()
    {
        await app.Import(Dossiers.Minimal("telemetry-call", "tm-cn", "tm-us").ToJsonString());
        var traceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls/telemetry-call/reconciliation");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        (await app.Client(editor: false).SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The request's spans all carry its trace id: the server span, Marten's connection, the query.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && Count(app.Collector.Traces, traceId) < 3) await Task.Delay(200);
        var traces = app.Collector.Traces;
        Count(traces, traceId).ShouldBeGreaterThanOrEqualTo(3, "the HTTP span, Marten's session and the SQL");
        var text = Encoding.UTF8.GetString(traces);
        text.ShouldContain("GET /api/calls/{id}/reconciliation");
        text.ShouldContain("Marten");
        text.ShouldContain("mt_doc_callreconciliation");

        // Metrics too, with the projections' lag.
        until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && !app.Collector.Exports.Any(e => e.Signal == "metrics" && Encoding.UTF8.GetString(e.Body).Contains("claims.projection.lag")))
            await Task.Delay(200);
        app.Collector.Exports.Any(e => e.Signal == "metrics" && Encoding.UTF8.GetString(e.Body).Contains("claims.projection.lag")).ShouldBeTrue();
    }
}
