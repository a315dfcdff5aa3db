using System.Diagnostics;
using Claims.Benchmarks;
using Claims.Benchmarks.Measuring;
using Claims.Benchmarks.Reporting;
using Claims.Benchmarks.Steps;

// Claims benchmark: bulk import, HTTP writes and reads, projection rebuild and cold start, measured through the
// program a user runs, against PostgreSQL's own COPY ceiling. See docs/performance.md.
var settings = BenchSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Claims.Benchmarks -- --quick | --full | --size CLAIMS [--texts | --compare-texts] [--keep] | --reads SCHEMA | --desk SCHEMA");
    return 2;
}

var total = Stopwatch.StartNew();
Directory.CreateDirectory(settings.WorkFolder);
var db = BenchDatabase.Open(settings.WorkFolder);
var keepLogs = true;
try
{
    settings.ConnectionString = db.ConnectionString;
    var machine = await Machine.Describe(db);
    Console.WriteLine($"Claims benchmark ({settings.Mode}): {machine.Cores} cores, {machine.Memory}, {machine.Cpu}; {machine.Postgres}; {machine.DotNet}");

    if (settings.ReadsSchema is { } kept)
    {
        await ReadsOnly.Run(settings, db, kept);
        keepLogs = false;
        return 0;
    }

    if (settings.DeskSchema is { } deskKept)
    {
        await DeskOnly.Run(settings, db, deskKept);
        keepLogs = false;
        return 0;
    }

    var results = new List<SizeResult>();
    for (var i = 0; i < settings.Sizes.Length; i++)
    {
        var last = i == settings.Sizes.Length - 1;
        if (settings.CompareTexts)
        {
            // The same claims twice in one run, on one machine state: without the readouts' texts, then with them.
            var without = await new SizeBenchmark(settings, db, settings.Sizes[i], coldStarts: false).Run();
            var with = await new SizeBenchmark(settings, db, settings.Sizes[i], coldStarts: last, withTexts: true).Run();
            TextsComparison.Print(Console.Out, without, with);
            results.Add(with);
        }
        else
            results.Add(await new SizeBenchmark(settings, db, settings.Sizes[i], coldStarts: last, withTexts: settings.WithTexts).Run());
    }

    var largest = results[^1];
    Console.WriteLine();
    Console.WriteLine($"Figures at {largest.Claims:N0} claims (median, spread over runs):");
    FigureTable.Print(Console.Out, FigureTable.Rows(largest));

    if (settings.ReportName is { } report)
    {
        var docs = Path.Combine(settings.RepositoryRoot, "docs");
        var plot = settings.PlotName + ".png";
        GrowthPlot.Save(Path.Combine(docs, plot), results, $"Claims, {machine.Cores} cores, {machine.Postgres}; {DateTime.UtcNow:yyyy-MM-dd}");
        await File.WriteAllTextAsync(Path.Combine(docs, report + ".md"), MarkdownReport.Write(settings, machine, results, total.Elapsed, plot));
        Console.WriteLine($"Wrote docs/{report}.md and docs/{plot}");
    }

    Console.WriteLine($"Total {total.Elapsed.TotalSeconds:0} s");
    Console.WriteLine();
    foreach (var (key, value) in FigureTable.KeyValues(largest)) Console.WriteLine($"{key}={value}");
    keepLogs = false;
    return 0;
}
catch (BenchFailure e)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}
finally
{
    await db.DisposeAsync();
    if (keepLogs) Console.Error.WriteLine($"The program's logs are kept in {settings.WorkFolder}");
    else TryDelete(settings.WorkFolder);
}

static void TryDelete(string folder)
{
    try { Directory.Delete(folder, recursive: true); }
    catch (IOException) { }
}
