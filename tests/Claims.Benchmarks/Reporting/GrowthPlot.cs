using ScottPlot;
using SkiaSharp;

namespace Claims.Benchmarks.Reporting;

/// <summary>
/// Two panels against corpus size on a logarithmic axis: projection rebuild throughput, and query p95 latency.
/// </summary>
public static class GrowthPlot
{
    private const int PanelWidth = 640;
    private const int Height = 520;

    public static void Save(string path, IReadOnlyList<SizeResult> sizes, string title)
    {
        var xs = sizes.Select(s => Math.Log10(s.Claims)).ToArray();
        var ticks = sizes.Select(s => SizeResult.Label(s.TargetClaims)).ToArray();

        var rebuild = new Plot();
        Line(rebuild, xs, sizes.Select(s => s.RebuildEventsPerSecond.Median).ToArray(), "rebuild, every projection");
        Line(rebuild, xs, sizes.Select(s => s.SteadyClaimsPerSecond.Median).ToArray(), "import command (claims/s, start-up excluded)");
        Style(rebuild, xs, ticks, "Throughput", "per second");

        var latency = new Plot();
        Line(latency, xs, sizes.Select(s => s.Query("reconciliation").P95).ToArray(), "one call's reconciliation");
        Line(latency, xs, sizes.Select(s => s.Query("reconciliation_recorded_as_of").P95).ToArray(), "reconciliation, recordedAsOf");
        Line(latency, xs, sizes.Select(s => s.Query("discrepancies").P95).ToArray(), "discrepancies, no filter");
        Line(latency, xs, sizes.Select(s => s.WorstP95("discrepancies_").P95).ToArray(), "discrepancies, slowest filter");
        Line(latency, xs, sizes.Select(s => s.WorstP95("search").P95).ToArray(), "search, slowest term");
        Line(latency, xs, sizes.Select(s => s.Query("call_page").P95).ToArray(), "call page (HTML)");
        Style(latency, xs, ticks, "Query latency (p95)", "milliseconds");

        using var surface = SKSurface.Create(new SKImageInfo(PanelWidth * 2, Height + 24));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Draw(canvas, rebuild, 0);
        Draw(canvas, latency, PanelWidth);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, 13);
        canvas.DrawText(title, 10, Height + 16, SKTextAlign.Left, font, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>Each panel is rendered on a surface of its own: a plot clears the whole canvas it is given.</summary>
    private static void Draw(SKCanvas canvas, Plot plot, int left)
    {
        using var panel = SKSurface.Create(new SKImageInfo(PanelWidth, Height));
        plot.Render(panel.Canvas, PanelWidth, Height);
        using var image = panel.Snapshot();
        canvas.DrawImage(image, left, 0);
    }

    private static void Line(Plot plot, double[] xs, double[] ys, string label)
    {
        var scatter = plot.Add.Scatter(xs, ys);
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 7;
    }

    private static void Style(Plot plot, double[] xs, string[] ticks, string title, string yLabel)
    {
        plot.Title(title);
        plot.XLabel("corpus size (claims, log scale)");
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, ticks);
        plot.Axes.SetLimitsX(xs.Min() - 0.2, xs.Max() + 0.2);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top * 1.1);   // from zero, so a slope reads as a ratio
        plot.ShowLegend(Edge.Bottom);
    }
}
