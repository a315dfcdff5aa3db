using Claims.Web.Database;

namespace Claims.Tests.Support;

/// <summary>
/// One PostgreSQL for the whole test run: <c>CLAIMS_TEST_CONNECTION</c> when set, otherwise a throwaway
/// embedded cluster (the program's own mechanism) in a temporary folder, stopped and removed at exit.
/// Test classes isolate themselves by schema.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<string> Connection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _schemas;
    /// <summary>Held for the whole run: its lease on the cluster lives as long as it does.</summary>
    private static EmbeddedPostgres? _postgres;

    public static string ConnectionString => Connection.Value;

    /// <summary>A fresh schema name for one test class.</summary>
    public static string NewSchema(string prefix) =>
        $"t_{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _schemas)}_{Environment.ProcessId}";

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("CLAIMS_TEST_CONNECTION") is { Length: > 0 } configured) return configured;

        RemoveLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), $"claims-tests-{Environment.ProcessId}");
        _postgres = EmbeddedPostgres.Start(folder, durable: false);
        RemoveWhenGone(Environment.ProcessId, _postgres.StopCommand(), folder);
        return _postgres.ConnectionString;
    }

    /// <summary>
    /// Stops the cluster and removes its folder once this test process has exited. The test platform ends its test
    /// process soon after the last test, too soon for an exit handler to stop a server and delete 50 MB, so a small
    /// shell in a session of its own waits for this process to go and cleans up after it, however it ended.
    /// </summary>
    private static void RemoveWhenGone(int pid, string[] stop, string folder)
    {
        static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {string.Join(' ', stop.Select(Quote))}; rm -rf {Quote(folder)}";
        var info = new System.Diagnostics.ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var arg in new[] { "sh", "-c", script }) info.ArgumentList.Add(arg);
        System.Diagnostics.Process.Start(info);
    }

    /// <summary>Clusters of earlier runs whose test process is gone (killed before it could clean up).</summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "claims-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(dir)["claims-tests-".Length..], out var pid) || IsRunning(pid)) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}
