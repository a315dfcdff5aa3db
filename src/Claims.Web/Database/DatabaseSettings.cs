namespace Claims.Web.Database;

/// <summary>
/// Where the event store lives: <c>ConnectionStrings__Marten</c> when set, otherwise Claims' own embedded
/// PostgreSQL in <c>CLAIMS_DATA_DIR</c>.
/// </summary>
public static class DatabaseSettings
{
    /// <summary>Resolves the connection string, starting the embedded cluster when none is configured.</summary>
    public static string ConnectionString(WebApplicationBuilder builder, ClusterUse use)
    {
        if (builder.Configuration.GetConnectionString("Marten") is { Length: > 0 } configured)
        {
            Reach(configured);
            return configured;
        }

        var postgres = EmbeddedPostgres.Start(DataFolder.Default(), use: use);
        builder.Services.AddSingleton(postgres);   // disposed, and so stopped, when the host is
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Stop();
        Console.Error.WriteLine($"Claims database: embedded PostgreSQL on 127.0.0.1:{postgres.Port}, data in {postgres.DataFolder}");
        return postgres.ConnectionString;
    }

    /// <summary>
    /// Opens one connection to a configured database before anything starts, so that a server that does not answer, or
    /// refuses the password, stops the program with one sentence and exit code 1 rather than a host that fails half-way.
    /// </summary>
    private static void Reach(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new EmbeddedPostgresException(
                $"the database named by ConnectionStrings__Marten ({settings.Host}:{settings.Port}, database {settings.Database}) cannot be reached: {Reason(e)}");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        Npgsql.PostgresException p => p.MessageText,
        { InnerException: System.Net.Sockets.SocketException socket } => socket.Message,
        _ => e.Message
    };
}
