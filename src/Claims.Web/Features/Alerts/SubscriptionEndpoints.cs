using System.Security.Claims;
using System.Text.Json;
using Claims.Domain.Dossiers;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Persistence.Durability;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// Webhooks, for editors only (a subscription's URL and filter are the newsroom's business): register, list, end, and
/// the deliveries that failed every attempt, with a replay. The editors' page does the same (<see cref="Subscriptions"/>).
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
        var (created, problems) = await Subscriptions.CreateAsync(body.Json, user.EditorName(), session, settings, ct);
        return created is null ? Problems.Invalid(problems, "The subscription was refused; nothing was recorded.")
            : Results.Created($"/api/subscriptions/{created.Id}", created);
    }

    [WolverineGet("/api/subscriptions")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IReadOnlyList<SubscriptionView>> List(IQuerySession session, CancellationToken ct) =>
        (await Subscriptions.ListAsync(session, ct)).Select(SubscriptionView.Of).ToList();

    [WolverineGet("/api/subscriptions/{id}")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<WebhookSubscription>(id, ct) is { } s ? Results.Ok(SubscriptionView.Of(s)) : Unknown(id);

    /// <summary>Ends a subscription: it receives nothing more, and its record stays.</summary>
    [WolverineDelete("/api/subscriptions/{id}")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> End(string id, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct) =>
        await Subscriptions.EndAsync(id, user.EditorName(), session, ct) is { } s ? Results.Ok(SubscriptionView.Of(s)) : Unknown(id);

    [WolverineGet("/api/subscriptions/{id}/dead-letters")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> DeadLetters(string id, IQuerySession session, IMessageStore store, CancellationToken ct) =>
        await session.LoadAsync<WebhookSubscription>(id, ct) is null ? Unknown(id) : Results.Ok(await Subscriptions.DeadLettersAsync(id, store, ct));

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
        return Results.Accepted($"/api/subscriptions/{id}/dead-letters", new { replaying = await Subscriptions.ReplayAsync(id, only, store, ct) });
    }

    private static IResult Unknown(string id) => Problems.NotFound($"There is no subscription \"{JsonFields.Clip(id)}\".");
}
