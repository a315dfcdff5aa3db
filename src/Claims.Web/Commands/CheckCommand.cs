using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Claims.Web.Commands;

public sealed class CheckInput
{
    [Description("Dossier files (claims-dossier/2 or /1 JSON), or folders whose *.json files are dossiers")]
    public List<string> Files { get; set; } = [];

    [Description("Print each call's topics with their findings, as the tracker would reconcile them")]
    public bool FindingsFlag { get; set; }
}

/// <summary>
/// <c>check FILE|FOLDER... [--findings]</c>: checks dossiers before they are imported, with no database: every
/// problem by JSON path, the warnings, source ids that disagree across the files or with the shipped samples'
/// sources, and (with --findings) what the rules find in each call. The exit code is 1 when any file would be refused.
/// </summary>
[Description("Check dossier files without a database: problems, warnings and (--findings) each call's findings", Name = "check")]
public sealed class CheckCommand : JasperFxCommand<CheckInput>
{
    public override bool Execute(CheckInput input)
    {
        var files = DossierFiles.Expand(input.Files, out var missing);
        foreach (var path in missing) CommandLine.Results.MarkupLineInterpolated($"[red]{path}: no such file or folder[/]");
        if (files.Count == 0)
        {
            CommandLine.Results.MarkupLine("[red]No dossier files given.[/] Usage: check FILE... (files or folders of *.json)");
            return false;
        }

        var results = DossierCheck.Check(files.Select(f => (CommandLine.Shown(f), DossierReader.Read(File.ReadAllBytes(f)))), ShippedSources());
        foreach (var r in results)
        {
            if (r.Refused)
            {
                CommandLine.Results.MarkupLineInterpolated($"[red]{r.Name}: refused[/] ({r.Problems.Count} problem{(r.Problems.Count == 1 ? "" : "s")})");
                foreach (var p in r.Problems) CommandLine.Results.WriteLine($"  {p}");
                continue;
            }
            var view = r.View!;
            CommandLine.Results.MarkupLineInterpolated(
                $"[green]{r.Name}: ok[/] {r.CallId}: {view.Accounts.Count} accounts, {view.ClaimCount} claims, {view.Topics.Count} topics, {view.DiscrepancyCount} with discrepancies");
            foreach (var w in r.Warnings) CommandLine.Results.WriteLine($"  warning: {w}");
            if (!input.FindingsFlag) continue;
            if (view.NoReadout.Count > 0) CommandLine.Results.WriteLine($"  no readout: {string.Join(", ", view.NoReadout)}");
            foreach (var topic in view.Topics)
                CommandLine.Results.WriteLine($"  {topic.Topic}: {FindingText.Describe(topic.Findings, id => id)}");
        }
        var refused = results.Count(r => r.Refused) + missing.Count;
        CommandLine.Results.MarkupLineInterpolated($"{files.Count - results.Count(r => r.Refused)} would import, {refused} would be refused");
        return refused == 0;
    }

    // A new database holds the samples and the record: a file must not give their source ids another name, side or kind.
    private static IEnumerable<SourceProfile> ShippedSources() =>
        SampleLoader.ReadSamples().Concat(SampleLoader.ReadRecord()).Select(s => DossierReader.Read(s.Json).Dossier).OfType<Dossier>()
            .SelectMany(d => d.Sources).DistinctBy(s => s.Id)
            .Select(s => SourceProfile.Of(s.Id, s.Name, s.Side, s.Kind));
}
