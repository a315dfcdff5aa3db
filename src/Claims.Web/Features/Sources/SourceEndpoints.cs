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
    IReadOnlyList<SourceInCall> History);

public static class SourceEndpoints
{
    /// <summary>GET /api/sources: every source with its track record, the most often silent first.</summary>
    [WolverineGet("/api/sources")]
    public static async Task<IReadOnlyList<SourceSummary>> List(IQuerySession session, CancellationToken ct)
    {
        var profiles = await session.Query<SourceProfile>().ToListAsync(ct);
        var records = (await session.LoadManyAsync<SourceRecord>(ct, profiles.Select(p => p.SourceId))).ToDictionary(r => r.Id);
        return profiles
            .Select(p => Summary(p, records.GetValueOrDefault(p.SourceId)))
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
        var record = await session.LoadAsync<SourceRecord>(id, ct) ?? new SourceRecord { Id = id };
        return new SourceProfileView(profile.SourceId, profile.Name, profile.Side, profile.Kind, profile.RegisteredAt,
            record.CallCount, record.AccountCount, record.ReadoutCount, record.SilentOnAsserted, record.Contradictions, record.Divergences,
            record.Calls.Values.OrderByDescending(c => c.CallDate).ThenBy(c => c.CallId, StringComparer.Ordinal).ToList());
    }

    private static SourceSummary Summary(SourceProfile p, SourceRecord? r) => new(
        p.SourceId, p.Name, p.Side, p.Kind, r?.CallCount ?? 0, r?.AccountCount ?? 0, r?.ReadoutCount ?? 0,
        r?.SilentOnAsserted ?? 0, r?.Contradictions ?? 0, r?.Divergences ?? 0, $"/api/sources/{p.SourceId}");
}
