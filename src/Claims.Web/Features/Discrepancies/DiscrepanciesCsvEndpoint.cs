using Claims.Domain.Discrepancies;
using Claims.Web.Settings;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Claims.Web.Features.Discrepancies;

public static class DiscrepanciesCsvEndpoint
{
    /// <summary>GET /api/discrepancies.csv: every discrepancy matching the same filters as /api/discrepancies (no paging).</summary>
    [WolverineGet("/api/discrepancies.csv")]
    public static async Task Get(
        string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? q,
        HttpContext context, IOptions<ClaimsSettings> settings, IQuerySession session, CancellationToken ct)
    {
        var (query, problems) = DiscrepancyQuery.Parse(topic, verdict, source, side, from, to, q, null, null);
        if (query is null)
        {
            await Problems.Invalid(problems, "The filters are not valid.").ExecuteAsync(context);
            return;
        }

        var rows = await query.Apply(session.Query<DiscrepancyRow>(), DiscrepancyQuery.SearchTableOf(session)).ToListAsync(ct);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"discrepancies.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, DiscrepancyCsv.Encoding);
        await DiscrepancyCsv.WriteAsync(rows, writer, PublicUrl.Of(settings.Value, context.Request));
    }
}
