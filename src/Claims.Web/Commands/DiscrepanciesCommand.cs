using System.Text.Json;
using Claims.Domain.Reconciliation;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace Claims.Web.Commands;

public sealed class DiscrepanciesInput : NetCoreInput
{
    [Description("Only this call")]
    public string? CallFlag { get; set; }

    [Description("Print JSON instead of a table")]
    public bool JsonFlag { get; set; }
}

/// <summary><c>discrepancies [--call ID] [--json]</c>: every contradicted, omitted or divergent topic, newest call first.</summary>
[Description("List the discrepancies of every call, or of one", Name = "discrepancies")]
public sealed class DiscrepanciesCommand : JasperFxAsyncCommand<DiscrepanciesInput>
{
    public override async Task<bool> Execute(DiscrepanciesInput input)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();

        var query = session.Query<CallReconciliation>().Where(c => c.DiscrepancyCount > 0);
        if (input.CallFlag is { Length: > 0 } callId) query = query.Where(c => c.Id == callId);
        var calls = await query.ToListAsync();
        var rows = calls
            .OrderByDescending(c => c.Call.Date).ThenBy(c => c.Id, StringComparer.Ordinal)
            .SelectMany(c => c.Topics.Where(t => t.IsDiscrepancy).Select(t => new DiscrepancyRow(
                c.Id, c.Call.Date, t.Topic, t.Verdict, t.Asserting, t.Denying, t.Silent)))
            .ToList();

        if (input.JsonFlag)
            Console.WriteLine(JsonSerializer.Serialize(rows, JsonSerializerOptions.Web));
        else if (rows.Count == 0)
            CommandLine.Results.MarkupLine(input.CallFlag is null ? "No discrepancies." : "No discrepancies for that call (or no such call).");
        else
        {
            var table = new Table().AddColumns("call", "topic", "verdict", "asserting", "denying", "silent");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Call), Markup.Escape(r.Topic), r.Verdict,
                    Markup.Escape(string.Join(", ", r.Asserting)), Markup.Escape(string.Join(", ", r.Denying)), Markup.Escape(string.Join(", ", r.Silent)));
            CommandLine.Results.Write(table);
            var callCount = rows.Select(r => r.Call).Distinct().Count();
            CommandLine.Results.MarkupLineInterpolated($"{rows.Count} discrepanc{(rows.Count == 1 ? "y" : "ies")} in {callCount} call{(callCount == 1 ? "" : "s")}");
        }

        await host.StopAsync();
        return true;
    }
}

public sealed record DiscrepancyRow(
    string Call, DateOnly Date, string Topic, string Verdict,
    IReadOnlyList<string> Asserting, IReadOnlyList<string> Denying, IReadOnlyList<string> Silent);
