namespace Claims.Benchmarks.Measuring;

/// <summary>A figure over repeated runs: the median and the spread from the lowest to the highest run.</summary>
public sealed record Spread(double Median, double Min, double Max, int Runs)
{
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return new Spread(double.NaN, double.NaN, double.NaN, 0);
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    public static Spread One(double value) => new(value, value, value, 1);
}

/// <summary>Latency percentiles of one pass of requests, in milliseconds.</summary>
public sealed record Latency(double P50, double P95, double P99, double Max, int Count)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Latency(Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Length == 0 ? double.NaN : sorted[^1], sorted.Length);
    }

    /// <summary>Nearest-rank percentile: with few samples p99 is simply one of the slowest, never an interpolation past them.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
