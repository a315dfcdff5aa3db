using Claims.Benchmarks.Measuring;
using Claims.Benchmarks.Steps;

namespace Claims.Benchmarks.Reporting;

/// <summary>Everything measured at one corpus size.</summary>
public sealed class SizeResult
{
    public required int TargetClaims { get; init; }
    /// <summary>Whether the corpus's readouts carried their texts.</summary>
    public bool WithTexts { get; init; }
    public int Calls { get; set; }
    public int Claims { get; set; }
    public int Changes { get; set; }
    public long ImportEvents { get; set; }
    public long EventsAfterChanges { get; set; }
    public Spread CopyRowsPerSecond { get; set; } = Spread.Of([]);
    public List<ImportRun> Imports { get; } = [];
    /// <summary>The same events through Marten's bulk COPY path (events only), in claims per second.</summary>
    public double BulkEventCopyClaimsPerSecond { get; set; }
    /// <summary>The import command's fixed cost: one dossier into a fresh schema.</summary>
    public double ImportStartupSeconds { get; set; }
    /// <summary>Seconds from starting the serving program until its async index has every imported event.</summary>
    public double IndexReadySeconds { get; set; }
    public double ChangesPerSecond { get; set; }
    public List<HttpImportRun> HttpImports { get; } = [];
    /// <summary>Claims recorded one at a time at the desk (POST /api/calls/{id}/claims), 8 clients.</summary>
    public DeskClaimsRun? DeskClaims { get; set; }
    /// <summary>From a change's commit to its alert at a webhook, one change at a time.</summary>
    public AlertDeliveryRun? AlertDelivery { get; set; }
    /// <summary>Mixed reads at 8 and 32 clients, with their floors.</summary>
    public List<MixedReadRun> MixedReads { get; } = [];
    public List<QueryRun> Queries { get; set; } = [];
    public List<double> ColdStartsMs { get; } = [];
    public double ServerPeakMemoryMb { get; set; }
    public List<RebuildRun> Rebuilds { get; } = [];
    public List<(string Step, double Seconds)> Steps { get; } = [];

    public Spread ImportClaimsPerSecond => Spread.Of(Imports.Select(i => Claims / i.Seconds).ToList());
    public Spread SteadyClaimsPerSecond => Spread.Of(Imports.Select(i => Claims / Math.Max(i.Seconds - ImportStartupSeconds, 0.001)).ToList());
    public Spread ImportPeakMemoryMb => Spread.Of(Imports.Select(i => i.PeakMemoryMb).ToList());
    public Spread RebuildEventsPerSecond => Spread.Of(Rebuilds.Select(r => r.EventsPerSecond).ToList());
    public double ImportVsCopy => ImportClaimsPerSecond.Median / CopyRowsPerSecond.Median;

    public Latency Query(string key) => Queries.First(q => q.Kind.Key == key).Latency;

    /// <summary>The slowest p95 among the queries whose key starts with <paramref name="prefix"/>, and which one it was.</summary>
    public (double P95, string Key) WorstP95(string prefix) =>
        Queries.Where(q => q.Kind.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(q => (q.Latency.P95, q.Kind.Key)).MaxBy(q => q.P95);

    public static string Label(int claims) => claims >= 1_000_000 && claims % 1_000_000 == 0 ? $"{claims / 1_000_000}M"
        : claims >= 1000 && claims % 1000 == 0 ? $"{claims / 1000}k" : claims.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
