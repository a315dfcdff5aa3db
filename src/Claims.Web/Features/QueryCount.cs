using Claims.Domain;
using Marten;
using Marten.Linq;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

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
        return await Run(command, session, ct);
    }

    internal static async Task<long> Run(NpgsqlCommand command, IQuerySession session, CancellationToken ct)
    {
        command.CommandText = $"select count(*) from ({command.CommandText.TrimEnd().TrimEnd(';')}) as matches";
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        command.Connection = connection;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>
/// Counts over the discrepancy index's tables (the discrepancy rows and the search entries), kept for as long as the
/// index stands still. The daemon records how far the index has read the event log in the transaction that writes its
/// rows, so a count taken after reading that position is the count at that position or later; a reader asking the
/// same filters again before the index moves gets it without counting again (up to 5,000 rows read each time: half
/// of the discrepancy API's database time at 100k claims). A rebuild replays the same events into the same rows.
/// </summary>
public sealed class IndexCounts : IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _counts = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<long> UpTo(IQueryable<string> ids, IQuerySession session, int most, CancellationToken ct)
    {
        var position = await IndexPositionAsync(session, ct);
        await using var command = ids.Take(most).ToCommand(FetchType.FetchMany);
        // Each part prefixed by its length, so that no text in a parameter can make two queries' keys alike.
        var key = string.Concat(((string[])[
            session.DocumentStore.Options.DatabaseSchemaName, position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            command.CommandText, .. command.Parameters.Select(p => Describe(p.Value))]).Select(part => $"{part.Length}:{part}"));
        if (_counts.TryGetValue(key, out long counted)) return counted;
        counted = await QueryCount.Run(command, session, ct);
        _counts.Set(key, counted, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        return counted;
    }

    private static async Task<long> IndexPositionAsync(IQuerySession session, CancellationToken ct)
    {
        var positions = await session.QueryAsync<long>(
            $"select last_seq_id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_event_progression where name = ?",
            ct, ClaimsStore.DiscrepancyIndex + ":All");
        return positions.Count == 0 ? -1 : positions[0];
    }

    /// <summary>A parameter's value as text, tagged by its kind (n, s, l, f, o) so that values of two kinds never read alike.</summary>
    private static string Describe(object? value) => value switch
    {
        null or DBNull => "n",
        string s => "s" + s,
        System.Collections.IEnumerable list => "l" + string.Concat(list.Cast<object?>().Select(Describe).Select(item => $"{item.Length}:{item}")),
        IFormattable f => "f" + f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => "o" + value,
    };

    public void Dispose() => _counts.Dispose();
}
