using System.Globalization;

namespace Claims.Benchmarks.Reporting;

/// <summary>The same corpus without and with its readouts' texts, figure by figure: what carrying the texts costs.</summary>
public static class TextsComparison
{
    public static void Print(TextWriter writer, SizeResult without, SizeResult with)
    {
        string F(double v) => v.ToString(v >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);
        var rows = new (string Figure, double Without, double With, bool HigherIsBetter)[]
        {
            ("import claims/s (start-up excluded)", without.SteadyClaimsPerSecond.Median, with.SteadyClaimsPerSecond.Median, true),
            ("rebuild events/s", without.RebuildEventsPerSecond.Median, with.RebuildEventsPerSecond.Median, true),
            ("index complete after start (s)", without.IndexReadySeconds, with.IndexReadySeconds, false),
            ("slowest discrepancy search p95 (ms)", without.WorstP95("search").P95, with.WorstP95("search").P95, false),
            ("slowest search over everything p95 (ms)", without.WorstP95("everything").P95, with.WorstP95("everything").P95, false),
            ("reconciliation p95 (ms)", without.Query("reconciliation").P95, with.Query("reconciliation").P95, false),
        };
        writer.WriteLine();
        writer.WriteLine($"At {without.Claims:N0} claims, without and with the readouts' texts:");
        foreach (var (figure, a, b, _) in rows)
        {
            var change = a == 0 ? "" : $"{(b / a - 1) * 100:+0;-0}%";
            writer.WriteLine($"{figure,-42} {F(a),10} {F(b),10}  {change}");
        }
        foreach (var (key, value) in new[] { ("texts_import_ratio", with.SteadyClaimsPerSecond.Median / without.SteadyClaimsPerSecond.Median),
                     ("texts_rebuild_ratio", with.RebuildEventsPerSecond.Median / without.RebuildEventsPerSecond.Median) })
            writer.WriteLine($"{key}={value.ToString("0.000", CultureInfo.InvariantCulture)}");
    }
}
