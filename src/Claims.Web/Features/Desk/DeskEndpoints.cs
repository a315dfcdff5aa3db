using System.Globalization;
using System.Text.Json;
using System.Security.Claims;
using Claims.Domain.Dossiers;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Claims.Web.Features.Desk;

/// <summary>What a desk command did; <c>location</c> is where the item is read.</summary>
public sealed record DeskResponse(string? CallId, string Id, int Appended, int Unchanged, long? Version, IReadOnlyList<Problem> Warnings, string Location);

/// <summary>
/// A call recorded one item at a time over HTTP (spec section 5): each body is the item as a dossier writes it. A new
/// item is 201 with its location; the same item sent again is 200 and appends nothing; a different one under a stored
/// id is 409. Accounts and claims may name the call's version the editor saw (<c>If-Match</c> from the call's
/// <c>ETag</c>, or <c>expectedVersion</c>); they need not, since adding never overwrites.
/// </summary>
public static class DeskEndpoints
{
    [WolverinePost("/api/calls")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> CreateCall(HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Post(request, bus, session, "call", versioned: false, body => DossierReader.ReadCallItem(body),
            (call, _) => new CreateCall(call, user.EditorName(), "http"), call => $"/api/calls/{call.Id}/reconciliation", ct);

    [WolverinePost("/api/sources")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> RegisterSource(HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Post(request, bus, session, "source", versioned: false, body => DossierReader.ReadSourceItem(body),
            (source, _) => new RegisterSource(source, user.EditorName(), "http"), source => $"/api/sources/{source.Id}", ct);

    [WolverinePost("/api/calls/{id}/accounts")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> PublishAccount(string id, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Post(request, bus, session, "account", versioned: true, body => DossierReader.ReadAccountItem(body, ExpectedVersion.Field),
            (account, expected) => new PublishAccount(id, account, user.EditorName(), "http", expected), account => $"/api/calls/{id}/accounts/{account.Id}", ct);

    [WolverinePost("/api/calls/{id}/claims")]
    [Authorize(Policy = EditorKey.Policy)]
    public static Task<IResult> RecordClaim(string id, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        Post(request, bus, session, "claim", versioned: true, body => DossierReader.ReadClaimItem(body, ExpectedVersion.Field),
            (claim, expected) => new RecordClaim(id, claim, user.EditorName(), "http", expected), claim => $"/api/claims/{id}/{claim.Id}/history", ct);

    /// <summary>
    /// What every desk route does: reads the body and, for an item of a call, the call's version it was sent against;
    /// reads the item by the dossier's rules; sends its command; answers.
    /// </summary>
    private static async Task<IResult> Post<T>(
        HttpRequest request, IMessageBus bus, IQuerySession session, string what, bool versioned,
        Func<JsonElement, (T? Item, IReadOnlyList<Problem> Problems)> read, Func<T, int?, object> command, Func<T, string> location,
        CancellationToken ct) where T : class
    {
        var body = await Body.ReadAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        int? expected = null;
        if (versioned)
        {
            (expected, var unclear) = ExpectedVersion.Read(request, body.Json);
            if (unclear is not null) return unclear;
        }
        var (item, problems) = read(body.Json);
        if (item is null) return Problems.Invalid(problems, $"The {what} was refused; nothing was recorded.");
        var outcome = await Send(bus, command(item, expected), ct);
        return await Answer(request, session, outcome, what, expected, location(item), ct);
    }

    /// <summary>Sends a command; one that still collides after the retries (two editors creating one call or source) wrote nothing.</summary>
    public static async Task<DeskOutcome> Send(IMessageBus bus, object command, CancellationToken ct)
    {
        try
        {
            return await bus.InvokeAsync<DeskOutcome>(command, ct);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return new DeskOutcome("", "", 0, null, [], [new Problem("$", "other editors kept changing the same call at that moment; nothing was recorded: send it again")], []);
        }
    }

    private static async Task<IResult> Answer(
        HttpRequest request, IQuerySession session, DeskOutcome o, string what, int? expected, string location, CancellationToken ct)
    {
        if (o.Version is { } version) request.HttpContext.Response.Headers.ETag = ExpectedVersion.ETag((int)version);
        var answer = new DeskResponse(o.CallId.Length > 0 ? o.CallId : null, o.Id, o.Appended, o.Appended == 0 ? 1 : 0, o.Version, o.Warnings, location);
        return o switch
        {
            { NotFound: { } notFound } => Problems.NotFound(notFound),
            { CurrentVersion: { } current } => await Stale(session, o.CallId, expected!.Value, current, what, ct),
            { Problems.Count: > 0 } => Problems.Invalid(o.Problems, $"The {what} was refused; nothing was recorded."),
            { Conflicts.Count: > 0 } => Problems.Conflict(o.Conflicts, $"The {what} contradicts what is stored; nothing was recorded."),
            { Appended: 0 } => Results.Ok(answer),
            _ => Results.Created(location, answer)
        };
    }

    /// <summary>409 with the call's current version and every event since the version the editor saw.</summary>
    private static async Task<IResult> Stale(IQuerySession session, string callId, int expected, long current, string what, CancellationToken ct)
    {
        var since = await session.Events.FetchStreamAsync(callId, fromVersion: expected + 1, token: ct);
        var changes = since.Select(e => (object)new { version = e.Version, change = e.EventTypeName, at = e.Timestamp, by = e.UserName });
        return ExpectedVersion.Stale(
            $"Call \"{callId}\" is at version {current.ToString(CultureInfo.InvariantCulture)}; this {what} was sent against version {expected}. "
            + "Nothing was recorded: look at what changed since, then send it again.",
            (int)current, changes, $"/api/calls/{callId}/reconciliation");
    }
}
