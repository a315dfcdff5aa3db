using Claims.Domain;
using Claims.Domain.Dossiers;
using Claims.Domain.Sources;
using Claims.Web.Features.Discrepancies;
using Marten;
using Npgsql;

namespace Claims.Web.Features.Sources;

/// <summary>A page of the source list, most often silent first.</summary>
public sealed record SourcePage(IReadOnlyList<SourceSummary> Items, int Page, int PageSize, long Total, bool TotalExact, long Pages);

/// <summary>
/// The source list's filters (<c>q</c> on the name or id, <c>side</c>, <c>kind</c>), each source's record summed over its
/// calls by PostgreSQL (one GROUP BY over the sources' per-call records), a page at a time. Shared by
/// <c>GET /api/sources</c> and the sources page.
/// </summary>
public sealed record SourceQuery(string? Text, string? Side, string? Kind, int Page, int PageSize)
{
    public static (SourceQuery? Query, List<Problem> Problems) Parse(string? q, string? side, string? kind, string? page, string? pageSize)
    {
        var (shared, problems) = DiscrepancyQuery.Parse(null, null, null, side, null, null, q, page, pageSize);
        if (kind is { Length: > 0 } && !Vocabulary.SourceKinds.Contains(kind))
            problems.Add(new Problem("$.query.kind", $"\"{JsonFields.Clip(kind)}\" is not a kind of source: {string.Join(", ", Vocabulary.SourceKinds)}"));
        return shared is null || problems.Count > 0 ? (null, problems)
            : (new SourceQuery(shared.Text, shared.Side, string.IsNullOrWhiteSpace(kind) ? null : kind, shared.Page, shared.PageSize), problems);
    }

    public static SourceQuery Everything(int page = 1) => new(null, null, null, page, DiscrepancyQuery.DefaultPageSize);

    public async Task<SourcePage> RunAsync(IQuerySession session, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var profiles = $"{schema}.mt_doc_{nameof(SourceProfile).ToLowerInvariant()}";
        var records = $"{schema}.mt_doc_{nameof(SourceRecord).ToLowerInvariant()}";
        const string filter = """
            (@text::text is null or p.data ->> 'name' ilike @text or p.data ->> 'sourceId' ilike @text)
            and (@side::text is null or p.data ->> 'side' = @side) and (@kind::text is null or p.data ->> 'kind' = @kind)
            """;
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select p.data ->> 'sourceId', p.data ->> 'name', p.data ->> 'side', p.data ->> 'kind',
                   count(r.id)::int,
                   coalesce(sum(jsonb_array_length(r.data -> 'accounts')), 0)::int,
                   coalesce(sum((r.data ->> 'readouts')::int), 0)::int,
                   coalesce(sum(jsonb_array_length(r.data -> 'silentOn')), 0)::int as silent,
                   coalesce(sum(jsonb_array_length(r.data -> 'contradicted')), 0)::int as contradicted,
                   coalesce(sum(jsonb_array_length(r.data -> 'diverged')), 0)::int,
                   count(*) over ()
              from {profiles} p left join {records} r on r.data ->> 'sourceId' = p.data ->> 'sourceId'
             where {filter}
             group by p.id
             order by silent desc, contradicted desc, p.data ->> 'sourceId'
             limit @take offset @skip
            """, (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("text", NpgsqlTypes.NpgsqlDbType.Text, Text is null ? DBNull.Value : TextMatch.Containing(Text));
        command.Parameters.AddWithValue("side", NpgsqlTypes.NpgsqlDbType.Text, (object?)Side ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", NpgsqlTypes.NpgsqlDbType.Text, (object?)Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("take", PageSize);
        command.Parameters.AddWithValue("skip", (Page - 1) * PageSize);
        var items = new List<SourceSummary>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                items.Add(new SourceSummary(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                    reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), $"/api/sources/{id}"));
                total = reader.GetInt64(10);
            }
        if (items.Count == 0 && Page > 1)
        {
            // Past the last page: the count over () has no row to ride on.
            await using var count = new NpgsqlCommand($"select count(*) from {profiles} p where {filter}", (NpgsqlConnection)connection);
            foreach (NpgsqlParameter p in command.Parameters) if (p.ParameterName is "text" or "side" or "kind") count.Parameters.Add(p.Clone());
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        return new SourcePage(items, Page, PageSize, total, true, (total + PageSize - 1) / PageSize);
    }
}
