using System.Text.Json.Serialization;
using Claims.Web.Features.Discrepancies;

namespace Claims.Web.Features.Alerts;

/// <summary>The discrepancy API's filters, as a subscription or the feed keeps them.</summary>
public sealed record AlertFilter(
    string? Topic = null, IReadOnlyList<string>? Verdict = null, string? Source = null, string? Side = null,
    DateOnly? From = null, DateOnly? To = null, string? Q = null)
{
    public DiscrepancyQuery ToQuery() => new(Topic, Verdict, Source, Side, From, To, Q);

    public static AlertFilter Of(DiscrepancyQuery q) =>
        new(q.Topic, q.Verdicts is { Count: > 0 } v ? v : null, q.Source, q.Side, q.From, q.To, q.Text);
}

/// <summary>
/// A webhook an editor registered: alerts that pass its filter are posted to its URL, signed with its secret. Ending it
/// keeps the record (who made it, who ended it, when); it then receives nothing.
/// </summary>
public sealed class WebhookSubscription
{
    public string Id { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>The signing key; never shown again after the subscription is made.</summary>
    [JsonInclude] public string Secret { get; set; } = "";
    public AlertFilter Filter { get; set; } = new();
    public string? Description { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }
}

/// <summary>A subscription as the API shows it: everything but the secret.</summary>
public sealed record SubscriptionView(
    string Id, string Url, AlertFilter Filter, string? Description, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt, string? EndedBy, bool Active, string DeadLetters)
{
    public static SubscriptionView Of(WebhookSubscription s) => new(
        s.Id, s.Url, s.Filter, s.Description, s.CreatedBy, s.CreatedAt, s.EndedAt, s.EndedBy, s.EndedAt is null,
        $"/api/subscriptions/{s.Id}/dead-letters");
}
