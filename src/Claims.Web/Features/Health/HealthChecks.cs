using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Web.Features.Health;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", ct);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Marten wraps the driver's errors (MartenCommandException and others): any failure to answer is the answer.
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

/// <summary>The async projections (the discrepancy index, the sources' records) run and keep up.</summary>
public sealed class ProjectionsHealthCheck(IDocumentStore store, Wolverine.Runtime.IWolverineRuntime runtime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            var lags = await ProjectionLag.ReadAsync(store, ct);
            // Which of them run on this tracker: with several trackers on one database, each projection runs on one.
            var here = runtime.Agents.AllRunningAgentUris().Where(u => u.Scheme == "event-subscriptions")
                .Select(u => string.Join(':', u.Segments.TakeLast(2).Select(s => s.Trim('/')))).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var data = lags.ToDictionary(l => l.Name, l => (object)new { l.State, l.Behind, l.Sequence, l.Reason, l.Skipped, Here = here.Contains(l.Name) });
            if (lags.FirstOrDefault(l => l.State == ProjectionLag.Stopped) is { } stopped)
                return HealthCheckResult.Unhealthy($"{stopped.Name} is stopped: {stopped.Reason}", data: data);
            return lags.FirstOrDefault(l => l.Behind > 0) is { } behind
                ? HealthCheckResult.Degraded($"{behind.Name} is {behind.Behind:N0} events behind the log.", data: data)
                : HealthCheckResult.Healthy("Every async projection has every event.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The projections' progress cannot be read: the database does not answer.", e);
        }
    }
}

public static class HealthEndpoints
{
    public const string Live = "live";

    public static void AddClaimsHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Live])
            .AddCheck<ProjectionsHealthCheck>("projections");

    /// <summary>
    /// <c>GET /health</c>: 200 once the database answers, 503 with a problem body while it does not.
    /// <c>GET /health/ready</c>: the same, and the async projections' state and lag: 503 when one is stopped, 200 with
    /// "Degraded" while one catches up.
    /// </summary>
    public static void MapClaimsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = Write });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = Write });
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => (object)new
        {
            status = e.Value.Status.ToString().ToLowerInvariant(),
            detail = e.Value.Description,
            data = e.Value.Data.Count > 0 ? e.Value.Data : null
        });
        if (report.Status == HealthStatus.Unhealthy)
        {
            return Results.Problem(
                string.Join(" ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Value.Description)),
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy",
                extensions: new Dictionary<string, object?> { ["status"] = "unhealthy", ["checks"] = checks }).ExecuteAsync(context);
        }
        // Which tracker answered, by Wolverine's node number: with several trackers on one database, the projections'
        // "node" says which of them runs each.
        var node = context.RequestServices.GetRequiredService<Wolverine.WolverineOptions>().Durability.AssignedNodeNumber;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString().ToLowerInvariant(), node, checks },
            new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }
}
