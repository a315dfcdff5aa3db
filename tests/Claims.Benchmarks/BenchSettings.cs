using System.Globalization;

namespace Claims.Benchmarks;

/// <summary>What one run measures: the corpus sizes, how often each figure is repeated, and where the database is.</summary>
public sealed class BenchSettings
{
    public const string EditorKey = "bench-editor-key";
    public const int Seed = 20251124;

    public required string Mode { get; init; }
    public required int[] Sizes { get; init; }
    public int ImportRepeats { get; init; }
    public int CopyRepeats { get; init; } = 3;
    public int RebuildRepeats { get; init; }
    public int ColdStarts { get; init; } = 3;
    public int QueryRequests { get; init; }
    public int HttpImportsSerial { get; init; }
    public int HttpImportsConcurrent { get; init; }
    public string ConnectionString { get; set; } = "";
    /// <summary>--keep leaves each size's event store schema in place, for looking into it afterwards.</summary>
    public bool KeepSchemas { get; init; }
    /// <summary>--texts gives every readout of the corpus its text; --compare-texts runs each size without and then with them.</summary>
    public bool WithTexts { get; init; }
    public bool CompareTexts { get; init; }
    /// <summary>--reads SCHEMA measures the mixed reads alone, on a schema an earlier run kept (--keep).</summary>
    public string? ReadsSchema { get; init; }
    /// <summary>--desk SCHEMA measures the desk's claims alone, on a schema an earlier run kept.</summary>
    public string? DeskSchema { get; init; }
    public required string RepositoryRoot { get; init; }
    public required string WorkFolder { get; init; }

    /// <summary>Only the named modes write docs; --size runs print their figures and leave docs alone.</summary>
    public string? ReportName => Mode switch { "full" => "performance", "quick" => "performance-quick", _ => null };
    public string PlotName => Mode == "full" ? "performance-growth" : "performance-growth-quick";

    public static BenchSettings? Parse(string[] args)
    {
        var root = FindRepository();
        var work = Path.Combine(Path.GetTempPath(), "claims-bench-" + Environment.ProcessId);
        var keep = args.Contains("--keep");
        var texts = args.Contains("--texts");
        var compare = args.Contains("--compare-texts");
        if (args.Contains("--full"))
            return new BenchSettings
            {
                Mode = "full", Sizes = [10_000, 100_000, 1_000_000], ImportRepeats = 3, RebuildRepeats = 3, QueryRequests = 200,
                HttpImportsSerial = 200, HttpImportsConcurrent = 800, RepositoryRoot = root, WorkFolder = work, KeepSchemas = keep, WithTexts = texts, CompareTexts = compare,
            };
        var readsAt = Array.IndexOf(args, "--reads");
        if (readsAt >= 0 && readsAt + 1 < args.Length)
            return new BenchSettings
            {
                Mode = "reads", Sizes = [], QueryRequests = 100, RepositoryRoot = root, WorkFolder = work, ReadsSchema = args[readsAt + 1],
            };
        var deskAt = Array.IndexOf(args, "--desk");
        if (deskAt >= 0 && deskAt + 1 < args.Length)
            return new BenchSettings
            {
                Mode = "desk", Sizes = [], RepositoryRoot = root, WorkFolder = work, DeskSchema = args[deskAt + 1],
            };
        var sizeAt = Array.IndexOf(args, "--size");
        if (sizeAt >= 0 && sizeAt + 1 < args.Length && int.TryParse(args[sizeAt + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0)
            return new BenchSettings
            {
                Mode = "size", Sizes = [size], ImportRepeats = 1, RebuildRepeats = 1, QueryRequests = 100,
                HttpImportsSerial = 100, HttpImportsConcurrent = 400, RepositoryRoot = root, WorkFolder = work, KeepSchemas = keep, WithTexts = texts, CompareTexts = compare,
            };
        if (args.Contains("--quick"))
            return new BenchSettings
            {
                Mode = "quick", Sizes = [2_000, 10_000], ImportRepeats = 3, RebuildRepeats = 3, QueryRequests = 50,
                HttpImportsSerial = 50, HttpImportsConcurrent = 200, RepositoryRoot = root, WorkFolder = work, KeepSchemas = keep, WithTexts = texts, CompareTexts = compare,
            };
        return null;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) return dir.FullName;
        throw new InvalidOperationException("Claims.sln not found above the benchmark's output folder.");
    }
}
