using System.Text;
using System.Text.Json;
using Claims.Domain.Alerts;
using Claims.Web.Settings;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Claims.Web.Features.Alerts;

/// <summary>One alert to post to one subscription's URL.</summary>
[MessageIdentity(MessageType)]
public sealed record DeliverAlert(string SubscriptionId, string AlertId)
{
    /// <summary>Its name in Wolverine's tables (dead letters are looked up by it).</summary>
    public const string MessageType = "deliver-alert";
}

/// <summary>An attempt at a delivery that the receiver did not accept; Wolverine retries it (<see cref="WebhookSettings.Retries"/>), then keeps it as a dead letter.</summary>
public sealed class WebhookDeliveryFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What a receiver gets: the Standard Webhooks shape (<c>type</c>, <c>timestamp</c>, <c>data</c>).</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, DiscrepancyAlert Data, string Url);

public static class DeliverAlertHandler
{
    /// <summary>
    /// Posts one alert. A subscription ended since is skipped. Anything but a 2xx answer throws, so that Wolverine
    /// schedules the next attempt; the delivery's id stays the same across attempts.
    /// </summary>
    public static async Task Handle(
        DeliverAlert delivery, IQuerySession session, IHttpClientFactory clients, IOptions<ClaimsSettings> settings, ILogger<DeliverAlert> log, CancellationToken ct)
    {
        var subscription = await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, ct);
        var alert = await session.LoadAsync<DiscrepancyAlert>(delivery.AlertId, ct);
        if (subscription is not { EndedAt: null } || alert is null) return;

        var id = WebhookSignature.DeliveryId(subscription.Id, alert.Id);
        var now = DateTimeOffset.UtcNow;
        var body = JsonSerializer.Serialize(
            new WebhookPayload($"discrepancy.{alert.Change}", now, alert, $"{PublicUrl.Of(settings.Value)}/calls/{alert.CallId}#topic-{alert.Topic}"),
            Json.Compact);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json")
        };
        var timestamp = now.ToUnixTimeSeconds();
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.Secret, id, timestamp, body));

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(Webhooks.ClientName).SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebhookRefusedException)
        {
            throw new WebhookDeliveryFailedException($"{subscription.Url} could not be reached: {e.Message}", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new WebhookDeliveryFailedException($"{subscription.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        log.LogInformation("Delivered alert {Alert} to subscription {Subscription} ({Id})", alert.Id, subscription.Id, id);
    }
}
