using Claims.Domain;
using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using Marten;
using Claims.Web.Features.Discrepancies;
using Wolverine.Http;

namespace Claims.Web.Features.Calls;

public static class CallEndpoints
{
    /// <summary>
    /// GET /api/calls?q=&amp;participant=&amp;side=&amp;topic=&amp;from=&amp;to=&amp;page=&amp;pageSize=: the calls, newest first, a page at
    /// a time, each with its counts of live claims and of discrepancies.
    /// </summary>
    [WolverineGet("/api/calls")]
    public static async Task<IResult> List(
        string? q, string? participant, string? side, string? topic, string? from, string? to, string? page, string? pageSize,
        IQuerySession session, DiscrepancyCountLimit countLimit, CallOrder order, CancellationToken ct)
    {
        var (query, problems) = CallQuery.Parse(q, participant, side, topic, from, to, page, pageSize);
        return query is null ? Problems.Invalid(problems, "The filters are not valid.") : Results.Ok(await query.RunAsync(session, countLimit.For(false), order, ct));
    }

    /// <summary>
    /// GET /api/calls/{id}/reconciliation[?publishedAsOf=T][&amp;recordedAsOf=T]. Recorded-as-of replays the call's
    /// events stored at or before T through the same projection (Marten's as-of aggregation); published-as-of then
    /// keeps only the accounts published at or before its instant.
    /// </summary>
    [WolverineGet("/api/calls/{id}/reconciliation")]
    public static async Task<IResult> Reconciliation(
        string id, string? publishedAsOf, string? recordedAsOf, HttpResponse response, IQuerySession session, CancellationToken ct)
    {
        if (!AsOfQuery.TryParse(publishedAsOf, nameof(publishedAsOf), out var published, out var problem)
            || !AsOfQuery.TryParse(recordedAsOf, nameof(recordedAsOf), out var recorded, out problem))
            return problem!;

        if (await CallViews.LoadAsync(session, id, recorded, ct) is not { } loaded)
            return Problems.NotFound(recorded is null ? $"No call \"{id}\"." : $"No call \"{id}\" was recorded at or before {recorded:O}.");
        // The call's version now (its stream's), whatever instant is shown: it is what an account or claim is added against.
        if (recorded is null) response.Headers.ETag = ExpectedVersion.ETag((int)loaded.State.Version);
        return Results.Ok(ReconciliationView.From(loaded.State, published, recorded, loaded.Others));
    }
}

public sealed record CallListItem(
    string Id, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants, IReadOnlyList<RelatedCall> Related,
    int ClaimCount, int DiscrepancyCount, int AccountCount, IReadOnlyDictionary<string, int> Verdicts, IReadOnlyDictionary<string, int> Findings,
    IReadOnlyList<string> NoReadout, IReadOnlyList<string> Topics, IReadOnlyList<string> Sources,
    DateTimeOffset? FirstPublishedAt, DateTimeOffset? LastPublishedAt, string Reconciliation)
{
    public static CallListItem From(CallSummary c) => new(
        c.Id, c.Title, c.Kind, c.Date, c.Participants, c.Related, c.ClaimCount, c.DiscrepancyCount, c.AccountCount, c.Verdicts, c.Findings,
        c.NoReadout, c.Topics, c.Sources, c.FirstPublishedAt, c.LastPublishedAt, $"/api/calls/{c.Id}/reconciliation");
}

public static class AsOfQuery
{
    /// <summary>
    /// Parses an as-of instant. A '+' in an offset arrives as a space when the URL was not encoded, so a space
    /// before the offset is read as '+'.
    /// </summary>
    public static bool TryParse(string? value, string name, out DateTimeOffset? instant, out IResult? problem)
    {
        instant = null;
        problem = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (Instants.TryParse(value.Replace(' ', '+'), out var parsed))
        {
            instant = parsed;
            return true;
        }
        problem = Problems.BadRequest($"$.query.{name}",
            $"\"{value}\" is not an ISO 8601 date-time with an offset, such as 2025-11-24T21:00:00+08:00 (encode '+' as %2B) or 2025-11-24T13:00:00Z");
        return false;
    }
}
