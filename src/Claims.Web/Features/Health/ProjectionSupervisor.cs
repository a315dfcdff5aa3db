using JasperFx;
using JasperFx.Events.Daemon;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace Claims.Web.Features.Health;

/// <summary>
/// Restarts this tracker's async projections when the database refused their writes (a full disk, a lost connection,
/// a failover) and left them paused, so they catch up by themselves once the database takes writes again. Every ten
/// seconds it looks at the projection agents running here; one that stopped on a failure that is not bound to an event
/// is restarted, waiting twice as long after each restart that did not help (at most a minute). A failure bound to one
/// event (a poison event) is Marten's to skip and record as a dead letter; restarting would only fail on it again.
/// </summary>
public sealed class ProjectionSupervisor(IWolverineRuntime runtime, ILogger<ProjectionSupervisor> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    private readonly Dictionary<Uri, (int Restarts, DateTimeOffset Next)> _restarts = [];

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await RestartStoppedAsync();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not check the async projections' agents; trying again in {Period}", Period);
            }
        }
    }

    private async Task RestartStoppedAsync()
    {
        foreach (var uri in runtime.Agents.AllRunningAgentUris().Where(u => u.Scheme == "event-subscriptions"))
        {
            if (!runtime.Agents.TryFindActiveAgent<IEventSubscriptionAgent>(uri, out var agent)) continue;
            if (agent.Status == AgentStatus.Running)
            {
                _restarts.Remove(uri);
                continue;
            }
            if (agent.Failure is { Category: not ShardFailureCategory.Other }) continue;
            var (restarts, next) = _restarts.GetValueOrDefault(uri, (0, DateTimeOffset.MinValue));
            if (DateTimeOffset.UtcNow < next) continue;

            log.LogWarning("Restarting projection agent {Agent}, {Status} after: {Failure}", uri, agent.Status,
                agent.Failure?.Message ?? "no failure recorded");
            await runtime.Agents.StopLocallyAsync(uri);
            await runtime.Agents.StartLocallyAsync(uri);
            var wait = TimeSpan.FromTicks(Math.Min(MaxWait.Ticks, Period.Ticks << Math.Min(restarts, 6)));
            _restarts[uri] = (restarts + 1, DateTimeOffset.UtcNow + wait);
        }
    }
}
