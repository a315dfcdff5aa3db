using System.Diagnostics.Metrics;
using Marten;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Claims.Web.Features.Telemetry;

/// <summary>
/// OpenTelemetry, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and not at all otherwise: traces
/// of ASP.NET Core, outgoing HTTP (webhooks), Npgsql (the SQL), Marten (sessions, the daemon) and Wolverine (handlers,
/// messages); their metrics, the runtime's and <c>claims.projection.lag</c>; and the logs. The exporter reads the
/// standard <c>OTEL_*</c> settings (protocol, headers, service name). The console log carries each line's trace id
/// either way, so a line can be found in a trace.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "claims";
    public const string MeterName = "Claims";

    public static bool Enabled(IConfiguration config) => config["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };

    public static void AddClaimsTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        if (!Enabled(builder.Configuration)) return;

        builder.Services.AddHostedService<ProjectionLagSampler>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Marten", "Wolverine")
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Marten", "Wolverine:*", MeterName)
                .AddOtlpExporter())
            .WithLogging(l => l.AddOtlpExporter());
    }

    /// <summary>Marten's own spans and event counters (sessions, connections, appended events), when something listens.</summary>
    public static void TrackMarten(StoreOptions opts)
    {
        opts.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
        opts.OpenTelemetry.TrackEventCounters();
    }
}

/// <summary>
/// Reads the async projections' lag every few seconds for the <c>claims.projection.lag</c> gauge (events not yet
/// projected, per projection): a gauge is read synchronously, and the lag is a database query.
/// </summary>
public sealed class ProjectionLagSampler : BackgroundService
{
    private readonly IDocumentStore _store;
    private readonly ILogger<ProjectionLagSampler> _log;
    private volatile IReadOnlyList<Health.ProjectionLag> _lags = [];

    public ProjectionLagSampler(IDocumentStore store, IMeterFactory meters, ILogger<ProjectionLagSampler> log)
    {
        _store = store;
        _log = log;
        meters.Create(Telemetry.MeterName).CreateObservableGauge("claims.projection.lag",
            () => _lags.Select(l => new Measurement<long>(l.Behind, new KeyValuePair<string, object?>("projection", l.Name))),
            unit: "{event}", description: "Events appended that the async projection has not processed yet");
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try { _lags = await Health.ProjectionLag.ReadAsync(_store, ct); }
            catch (Exception e) when (!ct.IsCancellationRequested) { _log.LogDebug(e, "Could not read the projections' lag"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
