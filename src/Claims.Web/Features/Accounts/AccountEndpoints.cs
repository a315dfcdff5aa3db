using System.Security.Claims;
using Claims.Domain.Reconciliation;
using Claims.Web.Features.Calls;
using Claims.Web.Pages;
using Claims.Web.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Claims.Web.Features.Accounts;

/// <summary>An account's text, its versions, the diff between two of them, and revising it (spec sections 4 and 5).</summary>
public static class AccountEndpoints
{
    /// <summary>GET /api/calls/{id}/accounts/{accountId}[?version=N][&amp;publishedAsOf=T]: the account, its versions, a version's text and the claims standing in it.</summary>
    [WolverineGet("/api/calls/{id}/accounts/{accountId}")]
    public static async Task<IResult> Get(string id, string accountId, string? version, string? publishedAsOf, HttpResponse response, IQuerySession session, CancellationToken ct)
    {
        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var published, out var problem)) return problem!;
        if (!TryVersion(version, "version", out var number, out problem)) return problem!;
        var loaded = await AccountLoad.DetailAsync(session, id, accountId, number, published, ct);
        if (loaded.Detail is not { } detail) return Problems.NotFound(loaded.Missing!);
        // The ETag names the text's current version, whichever version is shown: it is what a revision is made against.
        // An account with no text yet is at version 0: its first text is a revision made against that.
        response.Headers.ETag = ExpectedVersion.ETag(loaded.State!.Account(accountId)!.TextVersions().Count);
        return Results.Ok(detail);
    }

    /// <summary>GET /api/calls/{id}/accounts/{accountId}/diff?from=A&amp;to=B: what changed between two versions of the text (by default the last two).</summary>
    [WolverineGet("/api/calls/{id}/accounts/{accountId}/diff")]
    public static async Task<IResult> Diff(string id, string accountId, string? from, string? to, IQuerySession session, CancellationToken ct)
    {
        if (!TryVersion(from, "from", out var a, out var problem) || !TryVersion(to, "to", out var b, out problem)) return problem!;
        var loaded = await AccountLoad.DetailAsync(session, id, accountId, null, null, ct);
        if (loaded.Detail is null) return Problems.NotFound(loaded.Missing!);
        return TextChange.Between(loaded.State!, accountId, a, b) switch
        {
            { Problem: { } p } => Problems.BadRequest(p.Path, p.Message),
            { Change: { } change } => Results.Ok(change),
            _ => Problems.NotFound($"Account \"{accountId}\" of call \"{id}\" has no text.")
        };
    }

    /// <summary>POST /api/calls/{id}/accounts/{accountId}/revisions (the editor key): a new version of the text.</summary>
    [WolverinePost("/api/calls/{id}/accounts/{accountId}/revisions")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> Revise(string id, string accountId, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var body = await Body.ReadAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var (expected, unnamed) = ExpectedVersion.Required(request, body.Json, "account's text");
        // An unknown account is a 404 whether or not a version was named.
        if (unnamed is not null)
            return (await session.LoadAsync<CallReconciliation>(id, ct))?.Account(accountId) is null
                ? Problems.NotFound($"Call \"{id}\" has no account \"{accountId}\".") : unnamed;

        var outcome = await bus.InvokeAsync<RevisionOutcome>(new ReviseAccount(id, accountId, body.Json, user.EditorName(), "http", expected), ct);
        if (outcome.CurrentVersion is { } current)
        {
            var since = (await AccountLoad.DetailAsync(session, id, accountId, null, null, ct)).Detail?.Versions.Where(v => v.Version > expected);
            return ExpectedVersion.Stale(
                $"The text of account \"{accountId}\" is at version {current}; this revision was made against version {expected}. Nothing was recorded: look at what changed since, then revise version {current}.",
                current, since ?? [], $"/api/calls/{id}/accounts/{accountId}");
        }
        if (outcome.Version is { } version) request.HttpContext.Response.Headers.ETag = ExpectedVersion.ETag(version);
        var location = $"/api/calls/{id}/accounts/{accountId}?version={outcome.Version}";
        var answer = new { callId = id, accountId, version = outcome.Version, unchanged = outcome.Unchanged, orphaned = outcome.Orphaned, account = location };
        return outcome switch
        {
            { NotFound: { } notFound } => Problems.NotFound(notFound),
            { Version: null } => Problems.Invalid(outcome.Problems, "The revision was refused; nothing was recorded."),
            { Unchanged: true } => Results.Ok(answer),
            _ => Results.Created(location, answer)
        };
    }

    private static bool TryVersion(string? value, string name, out int? version, out IResult? problem)
    {
        version = null;
        problem = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (int.TryParse(value, out var n) && n >= 1)
        {
            version = n;
            return true;
        }
        problem = Problems.BadRequest($"$.query.{name}", $"\"{value}\" is not a version number (1, 2, …)");
        return false;
    }
}

/// <summary>Loads a call and one of its accounts as shown at an instant, for the API and the pages.</summary>
public static class AccountLoad
{
    public static async Task<(AccountDetail? Detail, CallReconciliation? State, ReconciliationView? View, string? Missing)> DetailAsync(
        IQuerySession session, string callId, string accountId, int? version, DateTimeOffset? publishedAsOf, CancellationToken ct)
    {
        if (await CallViews.LoadAsync(session, callId, null, ct) is not { } loaded) return (null, null, null, $"No call \"{callId}\".");
        var view = ReconciliationView.From(loaded.State, publishedAsOf, null, loaded.Others);
        if (loaded.State.Account(accountId) is null) return (null, loaded.State, view, $"Call \"{callId}\" has no account \"{accountId}\".");
        var detail = AccountDetail.From(loaded.State, view, accountId, version);
        return detail is null
            ? (null, loaded.State, view, publishedAsOf is null
                ? $"Account \"{accountId}\" has no text version {version}."
                : $"Account \"{accountId}\" was not published by {Display.Instant(publishedAsOf.Value)}"
                  + (version is null ? "." : $", or had no text version {version} by then."))
            : (detail, loaded.State, view, null);
    }
}
