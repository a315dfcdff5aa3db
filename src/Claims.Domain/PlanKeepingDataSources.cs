using Npgsql;
using Weasel.Postgresql.Connections;

namespace Claims.Domain;

/// <summary>
/// The store's connections prepare the statements they repeat (the event append, each document's upsert, the daemon's
/// reads, the endpoints' queries) and keep what PostgreSQL planned inside Marten's functions from one transaction to
/// the next. Sent unprepared, every statement was parsed and analysed again each time: a third of PostgreSQL's time on
/// a claim at the desk (docs/performance-targets.md).
///
/// A prepared statement is still planned for its values on every run (<c>plan_cache_mode=force_custom_plan</c>): left
/// to itself, PostgreSQL settles on one generic plan for the discrepancy and search queries whatever their filters, and
/// misjudges their array filters a hundredfold (24 ms instead of 1.2 for one discrepancy filter). The writes lose
/// little by it: their statements call Marten's functions, which are cheap to plan.
///
/// Npgsql resets a connection given back to the pool with <c>DISCARD ALL</c>, which throws the plans away, unless the
/// connection holds a prepared statement; then it resets everything else (settings, advisory locks, temporary tables,
/// cursors, listeners) and keeps them. Each physical connection therefore prepares one statement when it opens, before
/// any statement has been used often enough to be prepared on its own.
/// </summary>
public sealed class PlanKeepingDataSources : INpgsqlDataSourceFactory
{
    private const string Kept = "select 1";

    /// <summary>How many statements each connection keeps prepared; past that, Npgsql replaces the one least used.</summary>
    public const int PreparedStatements = 100;

    public NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(PlannedForTheirValues(connectionString));
        if (!SaysHowManyToPrepare(connectionString)) builder.ConnectionStringBuilder.MaxAutoPrepare = PreparedStatements;
        // A connection string that prepares nothing (behind a pooler that cannot keep prepared statements) gets nothing prepared.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) return builder.Build();
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

    /// <summary>Whether the connection string sets <c>Max Auto Prepare</c> itself (0 for a pooler that cannot keep prepared statements).</summary>
    private static bool SaysHowManyToPrepare(string connectionString)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.ContainsKey("Max Auto Prepare") || keys.ContainsKey("MaxAutoPrepare");
    }

    /// <summary>The connection string with <c>plan_cache_mode=force_custom_plan</c>, unless it sets a plan cache mode of its own.</summary>
    public static string PlannedForTheirValues(string connectionString) =>
        ClaimsStore.WithSetting(connectionString, "plan_cache_mode", "force_custom_plan");
}
