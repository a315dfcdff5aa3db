using Claims.Benchmarks.Corpus;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

public sealed record ImportRun(double Seconds, double PeakMemoryMb, long Events);

/// <summary>
/// Bulk import with the program's own <c>import FOLDER</c> command, run as its own process into a fresh schema.
/// Wall time includes the process start (host, Wolverine code generation, schema creation), which
/// <see cref="Startup"/> measures alone by importing a single dossier, so the import loop can be told apart.
/// </summary>
public static class CliImport
{
    public static async Task<ImportRun> Run(BenchSettings settings, BenchDatabase db, GeneratedCorpus corpus, string schema)
    {
        await db.DropSchema(schema);
        using var process = ProgramProcess.Start(settings, schema, Path.Combine(settings.WorkFolder, $"import-{schema}.log"),
            "import", corpus.Folder, "--editor", "bench");
        var exit = await process.WaitForExitAsync(TimeSpan.FromHours(6));
        if (exit != 0)
            throw new BenchFailure($"import into {schema} exited with {exit}:\n{process.Tail()}");

        var events = await db.Scalar<long>($"select count(*) from {schema}.mt_events");
        if (events != corpus.ImportEvents)
            throw new BenchFailure($"import into {schema} stored {events} events; the corpus implies {corpus.ImportEvents}");
        return new ImportRun(process.Clock.Elapsed.TotalSeconds, process.PeakMemoryMb, events);
    }

    /// <summary>Seconds for the command to import one dossier into a fresh schema: its fixed cost per run.</summary>
    public static async Task<double> Startup(BenchSettings settings, BenchDatabase db, GeneratedCorpus corpus)
    {
        const string schema = "bench_startup";
        await db.DropSchema(schema);
        var file = Directory.EnumerateFiles(corpus.Folder, "*.json", SearchOption.AllDirectories).First();
        using var process = ProgramProcess.Start(settings, schema, Path.Combine(settings.WorkFolder, "import-startup.log"),
            "import", file, "--editor", "bench");
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(5));
        if (exit != 0) throw new BenchFailure($"import of {file} exited with {exit}:\n{process.Tail()}");
        await db.DropSchema(schema);
        return process.Clock.Elapsed.TotalSeconds;
    }
}

/// <summary>Something functionally wrong (a refused import, wrong counts): the only reason the benchmark fails.</summary>
public sealed class BenchFailure(string message) : Exception(message);
