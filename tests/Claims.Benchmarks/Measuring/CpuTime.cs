namespace Claims.Benchmarks.Measuring;

/// <summary>
/// CPU time (user and system) of the tracker's process and of the PostgreSQL processes on this machine, from /proc. On
/// a shared machine whose speed drifts through a sitting, CPU per claim moves far less than throughput or latency, so
/// it is what compares one change with another. Linux only; elsewhere both read 0, and the database's share reads 0
/// when the database is on another machine.
/// </summary>
public readonly record struct CpuTime(double TrackerMs, double DatabaseMs)
{
    // USER_HZ, the unit of /proc's times, is 100 on Linux.
    private const double MsPerTick = 10;

    public static CpuTime Of(int trackerPid)
    {
        if (!OperatingSystem.IsLinux()) return default;
        var database = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            // A backend's time moves to the postmaster's children's time when it exits, so both are counted.
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is ("postgres", var own, var children))
                database += own + children;
        }
        return new CpuTime(Read(trackerPid) is (_, var tracker, _) ? tracker : 0, database);
    }

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.TrackerMs - before.TrackerMs, after.DatabaseMs - before.DatabaseMs);

    /// <summary>The name, own CPU time and exited children's CPU time of a process; null when it is gone.</summary>
    private static (string Name, double OwnMs, double ChildrenMs)? Read(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // "pid (name) state ppid …": the name may hold spaces and parentheses, so the fields are read after the last ')'.
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        double Ticks(int field) => long.Parse(fields[field - 3], System.Globalization.CultureInfo.InvariantCulture) * MsPerTick;
        return (stat[(open + 1)..close], Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
    }
}
