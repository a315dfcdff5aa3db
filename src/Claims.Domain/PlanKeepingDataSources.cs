using Npgsql;
using Weasel.Postgresql.Connections;

namespace Claims.Domain;

/// <summary>
/// The store's connections keep what PostgreSQL planned inside Marten's functions (the event append, each document's
/// upsert) from one transaction to the next. Npgsql resets a connection given back to the pool with <c>DISCARD
/// ALL</c>, which throws those plans away, so that every transaction planned them again; on a connection holding a
/// prepared statement it resets everything else (settings, advisory locks, temporary tables, cursors, listeners) and
/// keeps the plans. Each physical connection therefore prepares one statement when it opens. The tracker's own
/// queries stay unprepared: prepared, PostgreSQL would settle on one generic plan for the discrepancy and search
/// queries, whatever their filters (the mixed reads were 15–25% slower that way). Recording a claim at the desk takes
/// a tenth less CPU, most of it PostgreSQL's (docs/performance-targets.md).
/// </summary>
public sealed class PlanKeepingDataSources : INpgsqlDataSourceFactory
{
    private const string Kept = "select 1";

    public NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UsePhysicalConnectionInitializer(
            connection =>
            {
                using var command = new NpgsqlCommand(Kept, connection);
                command.Prepare();
            },
            async connection =>
            {
                await using var command = new NpgsqlCommand(Kept, connection);
                await command.PrepareAsync();
            });
        return builder.Build();
    }
}
