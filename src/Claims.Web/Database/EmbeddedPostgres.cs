using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Claims.Web.Database;

/// <summary>
/// A PostgreSQL cluster of Claims' own, in a data folder, started from the machine's binaries on a free
/// loopback port. The cluster is created on first use and reused afterwards; the instance that started the
/// server stops it again. PostgreSQL refuses to run as root, so as root its programs run as the
/// <c>postgres</c> user that Debian's package creates.
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    public const string Database = "claims";
    private const string User = "claims";

    private readonly string _bin;
    private readonly string _cluster;
    private readonly bool _durable;
    private readonly string? _runAs;
    private bool _startedHere;

    public string ConnectionString { get; private set; } = "";
    public int Port { get; private set; }
    public string DataFolder { get; }

    private EmbeddedPostgres(string bin, string dataFolder, bool durable)
    {
        _bin = bin;
        DataFolder = dataFolder;
        _cluster = Path.Combine(dataFolder, "pg");
        _durable = durable;
        _runAs = Environment.UserName == "root" ? "postgres" : null;
    }

    /// <param name="durable">false for throwaway test clusters: no fsync, faster and safe to lose.</param>
    public static EmbeddedPostgres Start(string dataFolder, bool durable = true)
    {
        var bin = PostgresBinaries.Find() ?? throw new EmbeddedPostgresException(
            "No PostgreSQL binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql. " + PostgresBinaries.InstallHint);
        var pg = new EmbeddedPostgres(bin, Path.GetFullPath(dataFolder), durable);
        pg.StartCluster();
        return pg;
    }

    private string PasswordFile => Path.Combine(DataFolder, "pg-password");
    private string PgData => Path.Combine(_cluster, "data");

    private void StartCluster()
    {
        Directory.CreateDirectory(_cluster);
        var isNew = !File.Exists(Path.Combine(PgData, "PG_VERSION"));
        if (_runAs is not null) GiveToPostgresUser(isNew);
        if (isNew) InitCluster();
        var password = File.ReadAllText(PasswordFile).Trim();

        if (RunningPort() is { } port)
        {
            Port = port;   // another Claims process already serves this folder: share it, leave stopping to it
        }
        else
        {
            Port = FreePort();
            var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_cluster} -c max_connections=200"
                + (_durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            Run("pg_ctl", "-D", PgData, "-l", Path.Combine(_cluster, "server.log"), "-w", "-t", "60", "-o", options, "start");
            _startedHere = true;
        }

        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = User, Password = password, Database = "postgres", Pooling = false
        };
        EnsureDatabase(admin.ConnectionString);
        admin.Database = Database;
        admin.Pooling = true;
        ConnectionString = admin.ConnectionString;
    }

    private void InitCluster()
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(PasswordFile, password);
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the password from a file that the server's user can read; it is removed right after.
        var pwfile = Path.Combine(_cluster, "initdb-password");
        File.WriteAllText(pwfile, password);
        if (_runAs is not null) Chown(pwfile);
        try
        {
            Run("initdb", "-D", PgData, "-U", User, "--pwfile=" + pwfile, "--auth-host=scram-sha-256", "--auth-local=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        }
        finally
        {
            File.Delete(pwfile);
        }
    }

    private static void EnsureDatabase(string adminConnection)
    {
        using var connection = new NpgsqlConnection(adminConnection);
        connection.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", Database);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"create database {Database} encoding 'UTF8' template template0", connection);
        create.ExecuteNonQuery();
    }

    /// <summary>The port of a server already running on this cluster, from its postmaster.pid.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(PgData, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return null;
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return port;
        }
        catch (Exception e) when (e is ArgumentException or SocketException or InvalidOperationException)
        {
            return null;   // a stale file left by a crash: pg_ctl start cleans it up
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Stop()
    {
        if (!_startedHere) return;
        _startedHere = false;
        Run("pg_ctl", "-D", PgData, "-m", "fast", "-w", "stop");
    }

    public void Dispose() => Stop();

    /// <summary>The command that stops this cluster's server, for a process that outlives this one (a test run's cleanup).</summary>
    public string[] StopCommand()
    {
        string[] stop = [Path.Combine(_bin, "pg_ctl"), "-D", PgData, "-m", "fast", "-w", "stop"];
        return _runAs is null ? stop : ["runuser", "-u", _runAs, "--", .. stop];
    }

    /// <summary>Root hands the cluster folder to postgres and lets it pass through the folders above.</summary>
    private void GiveToPostgresUser(bool isNew)
    {
        if (isNew) Chown(_cluster);
        for (var dir = new DirectoryInfo(_cluster).Parent; dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute)) File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
        }
    }

    private void Chown(string path) => Exec("chown", ["-R", $"{_runAs}:{_runAs}", path]);

    private void Run(string program, params string[] args)
    {
        var path = Path.Combine(_bin, program);
        if (_runAs is null) Exec(path, args);
        else Exec("runuser", ["-u", _runAs, "--", path, .. args]);
    }

    private void Exec(string program, string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = _runAs is null ? DataFolder : "/"
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new EmbeddedPostgresException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new EmbeddedPostgresException(
                $"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}".Trim()
                + (program.EndsWith("pg_ctl") ? $"\nSee {Path.Combine(_cluster, "server.log")}." : ""));
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
