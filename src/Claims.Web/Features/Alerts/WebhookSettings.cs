using Claims.Web.Settings;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// How webhooks are delivered, from <c>Claims__Webhooks__AllowPrivateAddresses</c> (false: only public addresses),
/// <c>Claims__Webhooks__RetrySeconds</c> (the waits between attempts; after the last, the delivery is a dead letter)
/// and <c>Claims__Webhooks__TimeoutSeconds</c> (how long one attempt may take).
/// </summary>
public sealed record WebhookSettings(bool AllowPrivateAddresses, IReadOnlyList<TimeSpan> Retries, TimeSpan Timeout)
{
    /// <summary>The delivery settings as they were validated (ClaimsSettingsValidator refuses malformed waits).</summary>
    public static WebhookSettings From(ClaimsSettings.WebhookDelivery settings) =>
        new(settings.AllowPrivateAddresses,
            (settings.RetryWaits() ?? throw new InvalidOperationException("Claims__Webhooks__RetrySeconds was not validated.")).Select(TimeSpan.FromSeconds).ToList(),
            TimeSpan.FromSeconds(settings.TimeoutSeconds));
}
