using Claims.Domain;

namespace Claims.Web.Database;

/// <summary>
/// Where the event store lives: <c>ConnectionStrings__Marten</c> when set, otherwise Claims' own embedded
/// PostgreSQL in <c>CLAIMS_DATA_DIR</c>.
/// </summary>
public static class DatabaseSettings
{
    public static string Schema(IConfiguration config) => config["Claims:Schema"] is { Length: > 0 } s ? s : ClaimsStore.DefaultSchema;

    /// <summary>Resolves the connection string, starting the embedded cluster when none is configured.</summary>
    public static string ConnectionString(WebApplicationBuilder builder, ClusterUse use)
    {
        if (builder.Configuration.GetConnectionString("Marten") is { Length: > 0 } configured) return configured;

        var postgres = EmbeddedPostgres.Start(DataFolder.Default(), use: use);
        builder.Services.AddSingleton(postgres);   // disposed, and so stopped, when the host is
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Stop();
        Console.Error.WriteLine($"Claims database: embedded PostgreSQL on 127.0.0.1:{postgres.Port}, data in {postgres.DataFolder}");
        return postgres.ConnectionString;
    }
}
