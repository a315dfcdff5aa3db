using System.Text.Json;
using Claims.Domain.Dossiers;
using Marten;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Claims.Web.Features.Alerts;

/// <summary>A delivery that failed every attempt, as editors see it.</summary>
public sealed record DeadLetterView(Guid Id, string SubscriptionId, string AlertId, string Alert, DateTimeOffset? FailedAt, string Error, bool Replaying);

/// <summary>What registering, ending and replaying a webhook do, for the API and the editors' page alike.</summary>
public static class Subscriptions
{
    /// <summary>Registers the subscription the body describes, or says what refused it (by JSON path); nothing is stored when refused.</summary>
    public static async Task<(SubscriptionView? Created, IReadOnlyList<Problem> Problems)> CreateAsync(
        JsonElement body, string editor, IDocumentSession session, WebhookSettings settings, CancellationToken ct)
    {
        var (wanted, problems) = SubscriptionRequest.Read(body);
        if (wanted is null) return (null, problems);
        if (await WebhookAddresses.CheckAsync(wanted.Url, settings.AllowPrivateAddresses, ct) is { } refused) return (null, [new Problem("$.url", refused)]);
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Url = wanted.Url.AbsoluteUri,
            Secret = wanted.Secret,
            Filter = wanted.Filter,
            Description = wanted.Description,
            CreatedBy = editor,
            CreatedAt = DateTimeOffset.UtcNow
        };
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        return (SubscriptionView.Of(subscription), []);
    }

    public static async Task<IReadOnlyList<WebhookSubscription>> ListAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<WebhookSubscription>().OrderByDescending(s => s.CreatedAt).Take(1000).ToListAsync(ct);

    /// <summary>Ends a subscription (once; its record stays); null when there is none by that id.</summary>
    public static async Task<WebhookSubscription?> EndAsync(string id, string editor, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookSubscription>(id, ct) is not { } s) return null;
        if (s.EndedAt is not null) return s;
        s.EndedAt = DateTimeOffset.UtcNow;
        s.EndedBy = editor;
        session.Store(s);
        await session.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>The deliveries that failed every attempt (of one subscription, or of all), from Wolverine's dead letters.</summary>
    public static async Task<List<DeadLetterView>> DeadLettersAsync(string? id, IMessageStore store, CancellationToken ct)
    {
        var found = new List<DeadLetterView>();
        for (var page = 0; ; page++)
        {
            var results = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { MessageType = DeliverAlert.MessageType, PageNumber = page, PageSize = 500 }, ct);
            foreach (var letter in results.Envelopes)
                if (DeliveryOf(letter) is { } delivery && (id is null || delivery.SubscriptionId == id))
                    found.Add(new DeadLetterView(letter.Id, delivery.SubscriptionId, delivery.AlertId, $"/api/alerts/{delivery.AlertId}", letter.SentAt, letter.ExceptionMessage, letter.Replayable));
            if (results.Envelopes.Count < 500 || page >= 100) return found;
        }
    }

    /// <summary>Sends the subscription's dead letters again (those in <paramref name="only"/>, or all): how many.</summary>
    public static async Task<int> ReplayAsync(string id, IReadOnlyCollection<Guid>? only, IMessageStore store, CancellationToken ct)
    {
        var letters = (await DeadLettersAsync(id, store, ct)).Where(l => !l.Replaying && (only?.Contains(l.Id) ?? true)).Select(l => l.Id).ToArray();
        if (letters.Length > 0) await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery(letters), ct);
        return letters.Length;
    }

    private static DeliverAlert? DeliveryOf(DeadLetterEnvelope letter)
    {
        if (letter.Message is DeliverAlert delivery) return delivery;
        if (letter.Envelope.Data is not { Length: > 0 } data) return null;
        try { return JsonSerializer.Deserialize<DeliverAlert>(data, Json.Compact); }
        catch (JsonException) { return null; }
    }
}
