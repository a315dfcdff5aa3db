using Claims.Domain.Alerts;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Claims.Web.Features.Alerts;

/// <summary>How alerts travel: the daemon's message to a durable local queue, each delivery on a durable queue of its own.</summary>
public static class Webhooks
{
    public const string ClientName = "webhooks";

    public static void AddWebhooks(this IServiceCollection services, WebhookSettings settings)
    {
        services.AddSingleton(settings);
        // A failed attempt is said once, in one line (ExpectedRetryLogging), not again by the HTTP client with its stack trace.
        services.AddLogging(logging => logging.AddFilter($"System.Net.Http.HttpClient.{ClientName}", LogLevel.Error));
        services.AddHttpClient(ClientName, client => client.Timeout = settings.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookAddresses.Handler(settings));
    }

    /// <summary>
    /// Both queues are durable (their messages are in the database until handled, so a restart loses none). A failed
    /// delivery is retried after each of the configured waits, then moved to Wolverine's dead letters, where editors see
    /// and replay it (<see cref="SubscriptionEndpoints"/>).
    /// </summary>
    public static void ConfigureAlerts(this WolverineOptions opts, WebhookSettings settings)
    {
        opts.PublishMessage<AlertsRaised>().ToLocalQueue("alerts").UseDurableInbox();
        opts.PublishMessage<DeliverAlert>().ToLocalQueue("webhooks").UseDurableInbox().MaximumParallelMessages(8);
        // Retries and replays wait in the database as scheduled messages; Wolverine looks for due ones every 5 s by
        // default, which would stretch the first retry (2 s) to as much as 7.
        opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
        opts.Policies.OnException<WebhookDeliveryFailedException>()
            .ScheduleRetry(settings.Retries.ToArray())
            .Then.MoveToErrorQueue();
    }
}
