using Claims.Domain.Sources;
using Marten;
using Wolverine.Http;

namespace Claims.Web.Features.Sources;

public sealed record SourceSummary(
    string Id, string Name, string Side, string Kind,
    int Calls, int Accounts, int Readouts, int SilentOnAsserted, int Contradictions, int Divergences, string Profile);

public sealed record SourceProfileView(
    string Id, string Name, string Side, string Kind, DateTimeOffset RegisteredAt,
    int Calls, int Accounts, int Readouts, int SilentOnAsserted, int Contradictions, int Divergences,
    IReadOnlyList<SourceRecord> History);

/// <summary>The counts of one source over its calls.</summary>
public sealed record SourceTotals(int Calls, int Accounts, int Readouts, int SilentOnAsserted, int Contradictions, int Divergences)
{
        public static SourceTotals Of(IReadOnlyCollection<SourceCounts> records) => new(
        records.Count, records.Sum(r => r.Accounts), records.Sum(r => r.Readouts),
        records.Sum(r => r.SilentOn), records.Sum(r => r.Contradicted), records.Sum(r => r.Diverged));
}

/// <summary>Only the numbers of a <see cref="SourceRecord"/>.</summary>
public sealed record SourceCounts(string SourceId, int Accounts, int Readouts, int SilentOn, int Contradicted, int Diverged)
{
    public static SourceCounts Of(SourceRecord r) =>
        new(r.SourceId, r.Accounts.Count, r.Readouts, r.SilentOn.Count, r.Contradicted.Count, r.Diverged.Count);
}

public static class SourceEndpoints
{
    /// <summary>
    /// GET /api/sources?q=&amp;side=&amp;kind=&amp;page=&amp;pageSize=: the sources with their track records, the most often
    /// silent first, a page at a time (summed by PostgreSQL: <see cref="SourceQuery"/>).
    /// </summary>
    [WolverineGet("/api/sources")]
    public static async Task<IResult> List(string? q, string? side, string? kind, string? page, string? pageSize, IQuerySession session, CancellationToken ct)
    {
        var (query, problems) = SourceQuery.Parse(q, side, kind, page, pageSize);
        return query is null ? Problems.Invalid(problems, "The filters are not valid.") : Results.Ok(await query.RunAsync(session, ct));
    }

    /// <summary>GET /api/sources/{id}: one source, and what it did call by call, newest first.</summary>
    [WolverineGet("/api/sources/{id}")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await Load(id, session, ct) is { } profile ? Results.Ok(profile) : Problems.NotFound($"No source \"{id}\".");

    public static async Task<SourceProfileView?> Load(string id, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<SourceProfile>(SourceStream.Key(id), ct) is not { } profile) return null;
        var history = await session.Query<SourceRecord>().Where(r => r.SourceId == id)
            .OrderByDescending(r => r.CallDate).ThenBy(r => r.CallId).ToListAsync(ct);
        var t = SourceTotals.Of(history.Select(SourceCounts.Of).ToList());
        return new SourceProfileView(profile.SourceId, profile.Name, profile.Side, profile.Kind, profile.RegisteredAt,
            t.Calls, t.Accounts, t.Readouts, t.SilentOnAsserted, t.Contradictions, t.Divergences, history);
    }
}
