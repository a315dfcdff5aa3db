using System.Text.Json;
using Claims.Domain.Discrepancies;
using Claims.Web.Features;
using Claims.Web.Features.Discrepancies;
using JasperFx.CommandLine;
using Marten;
using Claims.Domain.Reconciliation;
using Spectre.Console;

namespace Claims.Web.Commands;

public sealed class DiscrepanciesInput : NetCoreInput
{
    [Description("Only this call")]
    [FlagAlias("call", true)]
    public string? CallFlag { get; set; }

    [Description("Only this topic")]
    [FlagAlias("topic", true)]
    public string? TopicFlag { get; set; }

    [Description("Only topics with a finding of these kinds: contradicted, omitted, divergent (several separated by commas)")]
    [FlagAlias("verdict", true)]
    public List<string> VerdictFlag { get; set; } = [];

    [Description("Only discrepancies naming this source")]
    [FlagAlias("source", true)]
    public string? SourceFlag { get; set; }

    [Description("Only discrepancies naming a source of this side (CN, US, JP...)")]
    [FlagAlias("side", true)]
    public string? SideFlag { get; set; }

    [Description("Calls on or after this date (YYYY-MM-DD)")]
    [FlagAlias("from", true)]
    public string? FromFlag { get; set; }

    [Description("Calls on or before this date (YYYY-MM-DD)")]
    [FlagAlias("to", true)]
    public string? ToFlag { get; set; }

    [Description("Text in a statement, quote or translation, in any script")]
    [FlagAlias("q", true)]
    public string? QFlag { get; set; }

    [Description("Print JSON instead of a table")]
    [FlagAlias("json", true)]
    public bool JsonFlag { get; set; }
}

/// <summary><c>discrepancies [filters] [--json]</c>: the fact-checkers' query on the command line, newest call first.</summary>
[Description("List discrepancies across calls, with the same filters as GET /api/discrepancies", Name = "discrepancies")]
public sealed class DiscrepanciesCommand : JasperFxAsyncCommand<DiscrepanciesInput>
{
    public override async Task<bool> Execute(DiscrepanciesInput input)
    {
        var (query, problems) = DiscrepancyQuery.Parse(input.TopicFlag, [.. input.VerdictFlag],
            input.SourceFlag, input.SideFlag, input.FromFlag, input.ToFlag, input.QFlag, null, null);
        if (query is null)
        {
            foreach (var problem in problems) Console.Error.WriteLine(problem.ToString().Replace("$.query.", "--"));
            return false;
        }

        using var host = input.BuildHost();
        await host.StartAsync();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();

        // Straight from the calls' inline state, with the API's filters: a command needs no running daemon.
        var calls = input.CallFlag is { Length: > 0 } callId
            ? (await session.LoadAsync<CallReconciliation>(callId) is { } one ? [one] : [])
            : await session.Query<CallReconciliation>().Where(c => c.DiscrepancyCount > 0).ToListAsync();
        var rows = query.Apply(calls.SelectMany(DiscrepancyRow.AllOf).AsQueryable()).ToList();

        if (input.JsonFlag)
            Console.WriteLine(JsonSerializer.Serialize(rows.Select(DiscrepancyItem.From), Json.Indented));
        else if (rows.Count == 0)
            CommandLine.Results.MarkupLine("No discrepancies match.");
        else
        {
            var table = new Table().AddColumns("date", "call", "topic", "findings", "asserting", "denying");
            foreach (var r in rows)
                table.AddRow(r.CallDate.ToString("yyyy-MM-dd"), Markup.Escape(r.CallId), Markup.Escape(r.Topic),
                    Markup.Escape(FindingText.Describe(r.Findings, id => id)),
                    Markup.Escape(Names(r.Asserting)), Markup.Escape(Names(r.Denying)));
            CommandLine.Results.Write(table);
            var callCount = rows.Select(r => r.CallId).Distinct().Count();
            CommandLine.Results.MarkupLineInterpolated($"{rows.Count} discrepanc{(rows.Count == 1 ? "y" : "ies")} in {callCount} call{(callCount == 1 ? "" : "s")}");
        }

        await host.StopAsync();
        return true;
    }

    private static string Names(IEnumerable<RowSource> sources) => string.Join(", ", sources.Select(s => $"{s.Id} ({s.Side})"));
}
