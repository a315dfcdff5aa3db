using System.Runtime.InteropServices;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Reporting;

/// <summary>The machine the figures belong to.</summary>
public sealed record Machine(int Cores, string Memory, string Cpu, string Os, string Postgres, string DotNet, string Database)
{
    public static async Task<Machine> Describe(BenchDatabase db)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;
        var postgres = await db.Scalar<string>("show server_version");
        var fsync = await db.Scalar<string>("show fsync");
        var syncCommit = await db.Scalar<string>("show synchronous_commit");
        return new Machine(Environment.ProcessorCount, $"{double.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024:0.0} GiB",
            cpu, os, $"PostgreSQL {postgres} (fsync={fsync}, synchronous_commit={syncCommit})", RuntimeInformation.FrameworkDescription, db.Description);
    }
}
