using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Claims.Web.Database;

/// <summary>Who uses an embedded cluster: a serving tracker (one per data folder) or a command (any number beside it).</summary>
public enum ClusterUse { Serve, Command }

/// <summary>
/// A PostgreSQL cluster of Claims' own, in a data folder, started from the machine's binaries on a free loopback port.
/// The cluster is created on first use and reused afterwards. PostgreSQL refuses to run as root, so as root its
/// programs run as the <c>postgres</c> user that Debian's package creates.
/// <para>
/// Several programs may use one cluster at once: each holds a lease, a file in <c>pg-users/</c> kept locked while it
/// lives (the kernel releases the lock when a process dies, however it dies). The server is started by whoever finds
/// it down and stopped by the last one to leave; a watchdog started with it stops it once no lease is held, so a
/// tracker killed with kill -9 does not leave it running, and a command that outlives the tracker keeps it up. One
/// serving tracker at a time: a second one on the same folder is refused with a clear message.
/// </para>
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    public const string Database = "claims";
    private const string User = "claims";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _cluster;
    private readonly bool _durable;
    private readonly string? _runAs;
    private readonly ClusterUse _use;
    /// <summary>This program's lease, held open (and locked) for as long as the program uses the cluster: keep this object alive.</summary>
    private FileStream? _lease;

    public string ConnectionString { get; private set; } = "";
    public int Port { get; private set; }
    public string DataFolder { get; }

    private EmbeddedPostgres(string bin, string dataFolder, bool durable, ClusterUse use)
    {
        _bin = bin;
        DataFolder = dataFolder;
        _cluster = Path.Combine(dataFolder, "pg");
        _durable = durable;
        _use = use;
        _runAs = Environment.UserName == "root" ? "postgres" : null;
    }

    /// <param name="durable">false for throwaway test clusters: no fsync, faster and safe to lose.</param>
    public static EmbeddedPostgres Start(string dataFolder, bool durable = true, ClusterUse use = ClusterUse.Serve)
    {
        var bin = PostgresBinaries.Find() ?? throw new EmbeddedPostgresException(
            "No PostgreSQL binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql. " + PostgresBinaries.InstallHint);
        var pg = new EmbeddedPostgres(bin, Path.GetFullPath(dataFolder), durable, use);
        pg.StartCluster();
        return pg;
    }

    private string PasswordFile => Path.Combine(DataFolder, "pg-password");
    private string PgData => Path.Combine(_cluster, "data");
    private string Leases => Path.Combine(DataFolder, "pg-users");
    private string LockFile => Path.Combine(DataFolder, "pg.lock");

    private void StartCluster()
    {
        Secrets.CreateFolder(DataFolder, traversable: _runAs is not null);
        Directory.CreateDirectory(Leases);
        using (Hold(LockFile))
        {
            var others = LiveLeases();
            if (_use == ClusterUse.Serve && others.FirstOrDefault(l => l.StartsWith("serve-", StringComparison.Ordinal)) is { } serving)
                throw new EmbeddedPostgresException(
                    $"another Claims tracker (process {serving["serve-".Length..]}) is already serving from {DataFolder}. Stop it first, " +
                    "or give this one a data folder of its own (CLAIMS_DATA_DIR), or run both on one database with ConnectionStrings__Marten. " +
                    "Commands (import, export, discrepancies…) can run beside a serving tracker.");

            var isNew = CheckCluster();
            Directory.CreateDirectory(_cluster);
            if (_runAs is not null) GiveToPostgresUser(isNew);
            if (isNew) InitCluster();

            if (RunningPort() is { } port)
                Port = port;   // a server is up (another program's, or one left by a run that crashed): use it
            else
            {
                Port = FreePort();
                var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_cluster} -c max_connections=200"
                    + (_durable ? $" -c shared_buffers={SharedBuffersMb()}MB" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
                Run("pg_ctl", "-D", PgData, "-l", Path.Combine(_cluster, "server.log"), "-w", "-t", "60", "-o", options, "start");
            }
            _lease = Hold(Path.Combine(Leases, $"{(_use == ClusterUse.Serve ? "serve" : "command")}-{Environment.ProcessId}"));
        }
        // Also after adopting a server left by a crash: whoever finds it running without a watchdog makes sure it has one.
        StartWatchdog();

        var password = File.ReadAllText(PasswordFile).Trim();
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = User, Password = password, Database = "postgres", Pooling = false
        };
        try
        {
            EnsureDatabase(admin.ConnectionString);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            Stop();
            throw new EmbeddedPostgresException(
                $"the password in {PasswordFile} does not open the database in {PgData}. Restore the password file that belongs to " +
                "this database from a backup; nothing was changed.");
        }
        admin.Database = Database;
        admin.Pooling = true;
        ConnectionString = admin.ConnectionString;
    }

    /// <summary>
    /// Whether the cluster is to be created, or why a folder that is there cannot be used. A damaged folder is never
    /// created over and no secret is ever overwritten: a new password written over a cluster's own would lock it for good.
    /// </summary>
    private bool CheckCluster()
    {
        var hasData = Directory.Exists(PgData) && Directory.EnumerateFileSystemEntries(PgData).Any();
        if (hasData && !File.Exists(Path.Combine(PgData, "PG_VERSION")))
            throw new EmbeddedPostgresException(
                $"{PgData} is not a whole PostgreSQL data folder (it has no PG_VERSION). Nothing was changed. Restore it from a backup, " +
                "or move the data folder away to start a new database.");
        if (Directory.Exists(PasswordFile))
            throw new EmbeddedPostgresException($"{PasswordFile} is a folder; it should be the database's password file.");
        if (hasData && !File.Exists(PasswordFile))
            throw new EmbeddedPostgresException(
                $"{DataFolder} holds a database but not its password file (pg-password). Restore the file from a backup; nothing was changed.");
        if (hasData && File.ReadAllText(PasswordFile).Trim().Length == 0)
            throw new EmbeddedPostgresException($"{PasswordFile} is empty; restore the database's password file from a backup.");
        return !hasData;
    }

    private void InitCluster()
    {
        // A password file of an earlier, failed creation is reused rather than replaced.
        if (!File.Exists(PasswordFile))
            Secrets.Write(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
        var password = File.ReadAllText(PasswordFile).Trim();

        // initdb reads the password from a file that the server's user can read: created readable by its owner only,
        // in the cluster folder that only that user enters, and removed right after.
        var pwfile = Path.Combine(_cluster, "initdb-password");
        if (File.Exists(pwfile)) File.Delete(pwfile);
        Secrets.Write(pwfile, password);
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
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"create database {Database} encoding 'UTF8' template template0", connection);
            create.ExecuteNonQuery();
        }
        // Documents and search entries of several kilobytes are compressed as they are written: LZ4 does it in about
        // two thirds of the time of PostgreSQL's default (pglz) at the same size. A server built without LZ4 keeps pglz.
        using var lz4 = new NpgsqlCommand($"alter database {Database} set default_toast_compression = 'lz4'", connection);
        try { lz4.ExecuteNonQuery(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidParameterValue) { }
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

    /// <summary>The leases of programs alive now; a lease whose program died is removed.</summary>
    private List<string> LiveLeases()
    {
        var live = new List<string>();
        foreach (var file in Directory.GetFiles(Leases))
        {
            try
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                File.Delete(file);   // nobody holds it: its program is gone
            }
            catch (IOException)
            {
                live.Add(Path.GetFileName(file));
            }
        }
        return live;
    }

    /// <summary>Opens a file with an exclusive lock (flock), waiting while another program holds it.</summary>
    private static FileStream Hold(string path)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite
                });
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new EmbeddedPostgresException($"{path} stayed locked by another Claims program for {LockWait.TotalSeconds:0} s: {e.Message}");
            }
        }
    }

    /// <summary>
    /// A shell in a session of its own that stops the server once no program holds a lease (the last one was
    /// killed, say). At most one runs per data folder: it holds <c>pg-watchdog.lock</c> while it lives.
    /// </summary>
    private void StartWatchdog()
    {
        static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
        var stop = string.Join(' ', StopCommand().Select(Quote));
        var script = $"""
            cd {Quote(DataFolder)} || exit 0
            while sleep 2; do
              [ -d pg-users ] || exit 0
              flock pg.lock sh -c '
                for f in pg-users/*; do
                  [ -e "$f" ] || continue
                  flock -n "$f" true || exit 1
                  rm -f "$f"
                done
                exit 0'
              if [ $? -eq 0 ]; then
                flock pg.lock sh -c {Quote(stop + " >/dev/null 2>&1")}
                exit 0
              fi
            done
            """;
        var file = Path.Combine(DataFolder, "pg-watchdog.sh");
        File.WriteAllText(file, script);
        // Started through a shell that hands it /dev/null for its input and output: otherwise it would hold this
        // program's own output pipes open after the program ended, and whoever reads them would wait forever.
        var info = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec setsid flock -n \"$0\" sh \"$1\" </dev/null >/dev/null 2>&1",
                     Path.Combine(DataFolder, "pg-watchdog.lock"), file })
            info.ArgumentList.Add(arg);
        using var watchdog = Process.Start(info);
    }

    /// <summary>
    /// A quarter of the memory the process may use (PostgreSQL's own advice for a dedicated server), from 128 MB (its
    /// default) to 8 GB. With the default, a million claims' search index (1.3 GB) does not stay in memory and searches
    /// read it from disk again and again. The memory is taken only as pages are read.
    /// </summary>
    private static long SharedBuffersMb() =>
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / (1024 * 1024), 128, 8192);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Leaves the cluster: the server is stopped when no other program holds a lease.</summary>
    public void Stop()
    {
        if (_lease is null) return;
        using (Hold(LockFile))
        {
            var path = _lease.Name;
            _lease.Dispose();
            _lease = null;
            File.Delete(path);
            if (LiveLeases().Count == 0 && RunningPort() is not null) Run("pg_ctl", "-D", PgData, "-m", "fast", "-w", "stop");
        }
    }

    public void Dispose() => Stop();

    /// <summary>The command that stops this cluster's server, for a process that outlives this one.</summary>
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
