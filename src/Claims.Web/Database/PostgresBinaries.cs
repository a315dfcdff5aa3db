namespace Claims.Web.Database;

/// <summary>Finds the machine's PostgreSQL server programs: on PATH first, then Debian's /usr/lib/postgresql/*/bin.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "Install PostgreSQL (apt-get install postgresql) so Claims can start its own database, " +
        "or set ConnectionStrings__Marten to an existing one (docker compose up -d starts one).";

    public static string? Find()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Resolve(Path.Combine(dir, "initdb")))
            .OfType<string>()
            .Select(Path.GetDirectoryName)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : []);

        return candidates.OfType<string>().FirstOrDefault(dir =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres")));
    }

    // PATH often holds symlinks (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb); pg_ctl and postgres
    // must come from the same folder as initdb, so follow the link.
    private static string? Resolve(string path)
    {
        if (!File.Exists(path)) return null;
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? path;
    }
}
