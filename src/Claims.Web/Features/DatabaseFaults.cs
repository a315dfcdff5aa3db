using System.Net.Sockets;
using Npgsql;

namespace Claims.Web.Features;

/// <summary>
/// Failures that are the database's state, not the request's or the tracker's: the disk is full, PostgreSQL is
/// out of some other resource, shutting down or starting, or does not answer. They are answered 503 with a sentence
/// saying so and a Retry-After, never a bare 500: every write is one transaction, so nothing was half-written.
/// </summary>
public static class DatabaseFaults
{
    public const int RetryAfterSeconds = 10;

    /// <summary>The sentence for a database fault anywhere in the exception's chain, or null when it is none.</summary>
    public static string? Describe(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.DiskFull }:
                    return "The database is out of disk space; nothing was written. Reads go on; writes resume once space is freed.";
                case PostgresException p when p.SqlState.StartsWith("53", StringComparison.Ordinal):
                    return $"The database is out of resources ({p.MessageText}); nothing was written. Try again shortly.";
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }:
                    return "The database is shutting down or starting; nothing was written. Try again shortly.";
                case PostgresException:
                    return null;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException { IsTransient: true }:
                    return "The database does not answer; nothing was written. Try again shortly.";
            }
        }
        return null;
    }
}
