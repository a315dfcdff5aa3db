using System.Security.Claims;
using System.Text.Json;
using Claims.Domain.Dossiers;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Claims.Web.Features.Alerts;

/// <summary>A delivery that failed every attempt, as editors see it.</summary>
public sealed record DeadLetterView(Guid Id, string AlertId, string Alert, DateTimeOffset? FailedAt, string Error, bool Replaying);

/// <summary>
/// Webhooks, for editors only (a subscription's URL and filter are the newsroom's business): register, list, end, and
/// the deliveries that failed every attempt, with a replay.
/// </summary>
public static class SubscriptionEndpoints
{
    [WolverinePost("/api/subscriptions")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> Create(
        HttpRequest request, ClaimsPrincipal user, IDocumentSession session, WebhookSettings settings, CancellationToken ct)
    {
        var body = await Body.ReadAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var (wanted, problems) = SubscriptionRequest.Read(body.Json);
        if (wanted is null) return Problems.Invalid(problems, "The subscription was refused; nothing was recorded.");
        if (await WebhookAddresses.CheckAsync(wanted.Url, settings.AllowPrivateAddresses, ct) is { } refused)
            return Problems.BadRequest("$.url", refused);

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Url = wanted.Url.AbsoluteUri,
            Secret = wanted.Secret,
            Filter = wanted.Filter,
            Description = wanted.Description,
            CreatedBy = user.EditorName(),
            CreatedAt = DateTimeOffset.UtcNow
        };
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/subscriptions/{subscription.Id}", SubscriptionView.Of(subscription));
    }

    [WolverineGet("/api/subscriptions")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IReadOnlyList<SubscriptionView>> List(IQuerySession session, CancellationToken ct) =>
        (await session.Query<WebhookSubscription>().OrderByDescending(s => s.CreatedAt).Take(1000).ToListAsync(ct)).Select(SubscriptionView.Of).ToList();

    [WolverineGet("/api/subscriptions/{id}")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<WebhookSubscription>(id, ct) is { } s ? Results.Ok(SubscriptionView.Of(s)) : Unknown(id);

    /// <summary>Ends a subscription: it receives nothing more, and its record stays.</summary>
    [WolverineDelete("/api/subscriptions/{id}")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> End(string id, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookSubscription>(id, ct) is not { } s) return Unknown(id);
        if (s.EndedAt is null)
        {
            s.EndedAt = DateTimeOffset.UtcNow;
            s.EndedBy = user.EditorName();
            session.Store(s);
            await session.SaveChangesAsync(ct);
        }
        return Results.Ok(SubscriptionView.Of(s));
    }

    [WolverineGet("/api/subscriptions/{id}/dead-letters")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> DeadLetters(string id, IQuerySession session, IMessageStore store, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookSubscription>(id, ct) is null) return Unknown(id);
        var letters = await DeadLettersOf(id, store, ct);
        return Results.Ok(letters.Select(l => new DeadLetterView(l.Letter.Id, l.Delivery.AlertId, $"/api/alerts/{l.Delivery.AlertId}",
            l.Letter.SentAt, l.Letter.ExceptionMessage, l.Letter.Replayable)).ToList());
    }

    /// <summary>Sends every dead letter of the subscription again (or those named in <c>{ "ids": [...] }</c>); each gets its attempts anew.</summary>
    [WolverinePost("/api/subscriptions/{id}/dead-letters/replay")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> Replay(string id, HttpRequest request, IQuerySession session, IMessageStore store, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookSubscription>(id, ct) is null) return Unknown(id);
        Guid[]? only = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await Body.ReadAsync(request, ct);
            if (body.Problem is not null) return body.Problem;
            var problems = new List<Problem>();
            if (JsonFields.Object(body.Json, "$", problems, "ids") is { } fields && fields.Array("ids") is { } ids)
            {
                only = ids.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var g) ? g : Guid.Empty).ToArray();
                if (only.Contains(Guid.Empty)) problems.Add(new Problem("$.ids", "must be an array of dead letters' ids (as the dead letters list gives them)"));
            }
            if (problems.Count > 0) return Problems.Invalid(problems, "Nothing was replayed.");
        }
        var letters = (await DeadLettersOf(id, store, ct)).Select(l => l.Letter.Id).Where(l => only?.Contains(l) ?? true).ToArray();
        if (letters.Length > 0) await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery(letters), ct);
        return Results.Accepted($"/api/subscriptions/{id}/dead-letters", new { replaying = letters.Length });
    }

    private static async Task<List<(DeadLetterEnvelope Letter, DeliverAlert Delivery)>> DeadLettersOf(string id, IMessageStore store, CancellationToken ct)
    {
        var found = new List<(DeadLetterEnvelope, DeliverAlert)>();
        for (var page = 0; ; page++)
        {
            var results = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { MessageType = "deliver-alert", PageNumber = page, PageSize = 500 }, ct);
            foreach (var letter in results.Envelopes)
                if (DeliveryOf(letter) is { } delivery && delivery.SubscriptionId == id) found.Add((letter, delivery));
            if (results.Envelopes.Count < 500 || page >= 100) return found;
        }
    }

    private static DeliverAlert? DeliveryOf(DeadLetterEnvelope letter)
    {
        if (letter.Message is DeliverAlert delivery) return delivery;
        if (letter.Envelope.Data is not { Length: > 0 } data) return null;
        try { return JsonSerializer.Deserialize<DeliverAlert>(data, Json.Compact); }
        catch (JsonException) { return null; }
    }

    private static IResult Unknown(string id) => Problems.NotFound($"There is no subscription \"{JsonFields.Clip(id)}\".");
}
