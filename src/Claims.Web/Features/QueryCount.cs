using Marten;
using Marten.Linq;

namespace Claims.Web.Features;

/// <summary>Counting the matches of a filtered query without reading them all.</summary>
public static class QueryCount
{
    /// <summary>
    /// Counts matches, stopping at <paramref name="most"/>: the filters' SQL and parameters as Marten writes them,
    /// inside <c>select count(*) from (… limit most)</c>. Marten's own Take(n).Count() limits the count's result,
    /// not the rows counted.
    /// </summary>
    public static async Task<long> UpTo(IQueryable<string> ids, IQuerySession session, int most, CancellationToken ct)
    {
        await using var command = ids.Take(most).ToCommand(FetchType.FetchMany);
        command.CommandText = $"select count(*) from ({command.CommandText.TrimEnd().TrimEnd(';')}) as matches";
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        command.Connection = connection;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
