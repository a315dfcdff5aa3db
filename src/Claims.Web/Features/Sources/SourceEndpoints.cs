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
    public static readonly SourceTotals None = new(0, 0, 0, 0, 0, 0);

    public static SourceTotals Of(IReadOnlyCollection<SourceCounts> records) => new(
        records.Count, records.Sum(r => r.Accounts), records.Sum(r => r.Readouts),
        records.Sum(r => r.SilentOn), records.Sum(r => r.Contradicted), records.Sum(r => r.Diverged));
}

/// <summary>Only the numbers of a <see cref="SourceRecord"/>, which is all the source list reads.</summary>
public sealed record SourceCounts(string SourceId, int Accounts, int Readouts, int SilentOn, int Contradicted, int Diverged)
{
    public static SourceCounts Of(SourceRecord r) =>
        new(r.SourceId, r.Accounts.Count, r.Readouts, r.SilentOn.Count, r.Contradicted.Count, r.Diverged.Count);
}

public static class SourceEndpoints
{
    /// <summary>GET /api/sources: every source with its track record, the most often silent first.</summary>
    [WolverineGet("/api/sources")]
    public static async Task<IReadOnlyList<SourceSummary>> List(IQuerySession session, CancellationToken ct)
    {
        var profiles = await session.Query<SourceProfile>().ToListAsync(ct);
        // Spelled out rather than SourceCounts.Of so Marten reads only these numbers from the database.
        var counts = await session.Query<SourceRecord>()
            .Select(r => new SourceCounts(r.SourceId, r.Accounts.Count, r.Readouts, r.SilentOn.Count, r.Contradicted.Count, r.Diverged.Count))
            .ToListAsync(ct);
        var totals = counts.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => SourceTotals.Of(g.ToList()));
        return profiles
            .Select(p => Summary(p, totals.GetValueOrDefault(p.SourceId) ?? SourceTotals.None))
            .OrderByDescending(s => s.SilentOnAsserted).ThenByDescending(s => s.Contradictions).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
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

    private static SourceSummary Summary(SourceProfile p, SourceTotals t) => new(
        p.SourceId, p.Name, p.Side, p.Kind, t.Calls, t.Accounts, t.Readouts, t.SilentOnAsserted, t.Contradictions, t.Divergences,
        $"/api/sources/{p.SourceId}");
}
