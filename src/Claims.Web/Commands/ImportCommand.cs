using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;
using Marten;
using JasperFx.CommandLine;
using Spectre.Console;
using Wolverine;

namespace Claims.Web.Commands;

public sealed class ImportInput : NetCoreInput
{
    [Description("Dossier files (claims-dossier/2 or /1 JSON), or folders whose *.json files are dossiers")]
    public List<string> Files { get; set; } = [];

    [Description("Editor name recorded with the events (default: your user name)")]
    public string EditorFlag { get; set; } = Environment.UserName;
}

/// <summary>
/// <c>import FILE|FOLDER...</c>: reads and checks every dossier, imports the valid ones in batches (see
/// <see cref="DossierBatchImport"/>), and prints what each appended; a long run prints a summary and the refusals.
/// The exit code is 1 when any file was refused.
/// </summary>
[Description("Import dossier files into the event store", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    private const int TableLimit = 50;
    private const int WarningLimit = 20;

    public override async Task<bool> Execute(ImportInput input)
    {
        var files = DossierFiles.Expand(input.Files, out var missing);
        foreach (var path in missing) CommandLine.Results.MarkupLineInterpolated($"[red]{path}: no such file or folder[/]");
        if (files.Count == 0)
        {
            CommandLine.Results.MarkupLine("[red]No dossier files given.[/] Usage: import FILE... (files or folders of *.json)");
            return false;
        }

        var readings = new List<(string File, DossierReading Reading)>(files.Count);
        foreach (var file in files) readings.Add((file, DossierReader.Read(await File.ReadAllBytesAsync(file))));
        var valid = readings.Where(r => r.Reading.IsValid).ToList();

        using var host = input.BuildHost();
        await host.StartAsync();
        using var scope = host.Services.CreateScope();
        var importer = new DossierBatchImport(host.Services.GetRequiredService<IDocumentStore>(), scope.ServiceProvider.GetRequiredService<IMessageBus>());
        var outcomes = await importer.ImportAsync(valid.Select(v => v.Reading).ToList(), input.EditorFlag, "cli", CancellationToken.None);
        var byFile = valid.Select(v => v.File).Zip(outcomes).ToDictionary(x => x.First, x => x.Second);

        var table = new Table().AddColumns("file", "call", "appended", "unchanged", "result");
        var warned = 0;
        var refused = missing.Count;
        foreach (var (file, reading) in readings)
        {
            var outcome = byFile.GetValueOrDefault(file);
            IReadOnlyList<Problem> problems = outcome is null ? reading.Problems : [.. outcome.Problems, .. outcome.Conflicts];
            if (problems.Count > 0)
            {
                refused++;
                foreach (var problem in problems) Console.Error.WriteLine($"{CommandLine.Shown(file)}: {problem}");
            }
            else
                foreach (var warning in outcome?.Warnings ?? reading.Warnings)
                {
                    // A few to show what they are; a big import would otherwise print a screen per file.
                    if (warned++ < WarningLimit) Console.Error.WriteLine($"{CommandLine.Shown(file)}: warning: {warning}");
                }
            if (files.Count > TableLimit && problems.Count == 0) continue;
            table.AddRow(Markup.Escape(CommandLine.Shown(file)), Markup.Escape(outcome?.CallId ?? reading.Dossier?.Call.Id ?? "-"),
                (outcome?.Appended ?? 0).ToString(), outcome is null ? "-" : outcome.Unchanged.ToString(),
                problems.Count > 0 ? $"[red]refused ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})[/]"
                : outcome!.Appended == 0 ? "already stored" : "[green]imported[/]");
        }

        if (table.Rows.Count > 0) CommandLine.Results.Write(table);
        if (warned > WarningLimit) Console.Error.WriteLine($"… and {warned - WarningLimit:N0} more warnings (odd but allowed; see docs/dossier-format.md).");
        CommandLine.Results.MarkupLineInterpolated(
            $"{files.Count - (refused - missing.Count)} imported or unchanged ({outcomes.Sum(o => o.Appended)} events appended), {refused} refused");
        await host.StopAsync();
        return refused == 0;
    }
}

public static class DossierFiles
{
    /// <summary>Files as given, and the *.json files of folders, in name order.</summary>
    public static List<string> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        missing = [];
        var files = new List<string>();
        foreach (var given in paths)
        {
            var path = CommandLine.FromShell(given);
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                missing.Add(given);
        }
        return files;
    }
}
