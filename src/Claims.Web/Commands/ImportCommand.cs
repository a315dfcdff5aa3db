using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;
using JasperFx.CommandLine;
using Spectre.Console;
using Wolverine;

namespace Claims.Web.Commands;

public sealed class ImportInput : NetCoreInput
{
    [Description("Dossier files (claims-dossier/1 JSON), or folders whose *.json files are dossiers")]
    public List<string> Files { get; set; } = [];

    [Description("Editor name recorded with the events (default: your user name)")]
    public string EditorFlag { get; set; } = Environment.UserName;
}

/// <summary>
/// <c>import FILE...</c>: imports each dossier through the same handler as <c>POST /api/dossiers</c> and prints
/// what each appended. The exit code is 1 when any file was refused.
/// </summary>
[Description("Import dossier files into the event store", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        var files = DossierFiles.Expand(input.Files, out var missing);
        foreach (var path in missing) CommandLine.Results.MarkupLineInterpolated($"[red]{path}: no such file or folder[/]");
        if (files.Count == 0)
        {
            CommandLine.Results.MarkupLine("[red]No dossier files given.[/] Usage: import FILE... (files or folders of *.json)");
            return false;
        }

        using var host = input.BuildHost();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IMessageBus>();
        var refused = missing.Count;
        var table = new Table().AddColumns("file", "call", "appended", "unchanged", "result");

        foreach (var file in files)
        {
            var reading = DossierReader.Read(await File.ReadAllTextAsync(file));
            var outcome = reading.IsValid
                ? await bus.InvokeAsync<ImportOutcome>(new ImportDossier(reading.Dossier!, input.EditorFlag, "cli"))
                : null;
            var problems = outcome is null ? reading.Problems : [.. outcome.Problems, .. outcome.Conflicts];
            if (problems.Count > 0)
            {
                refused++;
                table.AddRow(Markup.Escape(file), Markup.Escape(outcome?.CallId ?? reading.Dossier?.Call.Id ?? "-"), "0", "-",
                    $"[red]refused ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})[/]");
                foreach (var problem in problems) Console.Error.WriteLine($"{file}: {problem}");
            }
            else
            {
                table.AddRow(Markup.Escape(file), Markup.Escape(outcome!.CallId), outcome.Appended.ToString(), outcome.Unchanged.ToString(),
                    outcome.Appended == 0 ? "already stored" : "[green]imported[/]");
            }
        }

        CommandLine.Results.Write(table);
        CommandLine.Results.MarkupLineInterpolated($"{files.Count - (refused - missing.Count)} imported or unchanged, {refused} refused");
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
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                missing.Add(path);
        }
        return files;
    }
}
