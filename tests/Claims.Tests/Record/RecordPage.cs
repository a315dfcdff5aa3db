using System.Text;
using System.Text.Json.Nodes;

namespace Claims.Tests.Record;

/// <summary>
/// The figures of docs/record.md and of the README's record section, written from the API's answers only (see
/// <see cref="RecordPageTests"/>, which keeps the files equal to what the API answers).
/// </summary>
public static class RecordPage
{
    public const string Start = "<!-- figures:start: written from the API's answers by tests/Claims.Tests/Record/RecordTests.cs -->";
    public const string End = "<!-- figures:end -->";

    private static readonly string[] KindOrder = ["contradicted", "omitted", "divergent", "corroborated", "unconfirmed", "denied", "one-sided"];

    /// <param name="dossierOf">The dossier file of a call, relative to docs/.</param>
    public static string Figures(RecordAnswers a, Func<string, string> dossierOf)
    {
        var md = new StringBuilder();
        md.AppendLine("## The calls").AppendLine();
        md.AppendLine($"{a.Calls.Count} calls, {Sum(a, "claimCount")} claims from {Sum(a, "accountCount")} accounts, newest first. Each links to its dossier; a running tracker shows it at `/calls/{{id}}`.").AppendLine();
        md.AppendLine("| date | call | accounts | claims | topics | with a discrepancy | no readout from |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in a.Calls)
        {
            var id = (string)c["id"]!;
            md.AppendLine($"| {c["date"]} | [{Cell((string)c["title"]!)}]({dossierOf(id)}) | {c["accountCount"]} | {c["claimCount"]} | " +
                          $"{a.Views[id]["topics"]!.AsArray().Count} | {c["discrepancyCount"]} | {(RecordAnswers.Strings(c["noReadout"]) is { Count: > 0 } sides ? string.Join(", ", sides) : "–")} |");
        }

        md.AppendLine().AppendLine("## Findings of each kind").AppendLine();
        md.AppendLine("Every finding of every topic (`omitted` once per silent side).").AppendLine();
        md.AppendLine("| finding | findings | calls |");
        md.AppendLine("| --- | ---: | ---: |");
        var byKind = a.Findings.GroupBy(f => (string)f.Finding["kind"]!).ToDictionary(g => g.Key);
        foreach (var kind in KindOrder.Where(byKind.ContainsKey))
            md.AppendLine($"| `{kind}` | {byKind[kind].Count()} | {byKind[kind].Select(f => f.CallId).Distinct().Count()} |");

        md.AppendLine().AppendLine("## What each side's readouts leave out").AppendLine();
        md.AppendLine("A side's readouts leave a topic out when another party's readout has it and none of theirs does.").AppendLine();
        md.AppendLine("| side | topics left out | in calls | most often left out (calls) |");
        md.AppendLine("| --- | ---: | ---: | --- |");
        foreach (var side in Omissions(a))
            md.AppendLine($"| {side.Side} | {side.Topics} | {side.Calls} | {(side.Most.Count == 0 ? "no topic in more than one call" : string.Join(", ", side.Most.Select(t => $"{t.Topic} ({t.Count})")))} |");

        md.AppendLine().AppendLine("## Sources that contradict each other").AppendLine();
        md.AppendLine("| call | topic | asserting | denying |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var (callId, topic, f) in a.Findings.Where(f => (string)f.Finding["kind"]! == "contradicted"))
            md.AppendLine($"| [{callId}]({dossierOf(callId)}) | {topic} | {Names(a, callId, f["asserting"])} | {Names(a, callId, f["denying"])} |");

        md.AppendLine().AppendLine("## Figures and wordings that differ").AppendLine();
        md.AppendLine("| call | topic | facet | values |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var (callId, topic, f) in a.Findings.Where(f => (string)f.Finding["kind"]! == "divergent"))
            md.AppendLine($"| [{callId}]({dossierOf(callId)}) | {topic} | {f["facet"]} | " +
                          string.Join("; ", f["values"]!.AsArray().Select(v => $"{Cell(a.SourceName(callId, (string)v!["source"]!))}: {Cell((string)v["value"]!)}")) + " |");
        return md.ToString();
    }

    /// <summary>The README's few lines on the record.</summary>
    public static string Summary(RecordAnswers a)
    {
        var omissions = Omissions(a);
        var kinds = a.Findings.GroupBy(f => (string)f.Finding["kind"]!).ToDictionary(g => g.Key, g => g.Count());
        var md = new StringBuilder();
        md.AppendLine($"- {a.Calls.Count} calls from {a.Calls.Min(c => (string)c["date"]!)} to {a.Calls.Max(c => (string)c["date"]!)}: " +
                      $"{Sum(a, "claimCount")} claims from {Sum(a, "accountCount")} accounts, {Sum(a, "discrepancyCount")} topics with a discrepancy.");
        md.AppendLine("- Left out most often: " + string.Join("; ", omissions.Take(3).Select(s =>
            $"by the {s.Side} readouts, {s.Topics} topics in {s.Calls} calls (most often {string.Join(", ", s.Most.Take(3).Select(t => t.Topic))})")) + ".");
        md.AppendLine($"- {kinds.GetValueOrDefault("contradicted")} contradictions and {kinds.GetValueOrDefault("divergent")} differing figures or wordings; " +
                      $"{kinds.GetValueOrDefault("corroborated")} topics corroborated by both sides.");
        return md.ToString();
    }

    private sealed record SideOmissions(string Side, int Topics, int Calls, IReadOnlyList<(string Topic, int Count)> Most);

    private static List<SideOmissions> Omissions(RecordAnswers a) =>
        a.Findings.Where(f => (string)f.Finding["kind"]! == "omitted")
            .GroupBy(f => (string)f.Finding["side"]!)
            .Select(g => new SideOmissions(g.Key, g.Count(), g.Select(f => f.CallId).Distinct().Count(),
                g.GroupBy(f => f.Topic).Select(t => (t.Key, t.Select(f => f.CallId).Distinct().Count()))
                    .Where(t => t.Item2 > 1).OrderByDescending(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal).Take(5).ToList()))
            .OrderByDescending(s => s.Topics).ThenBy(s => s.Side, StringComparer.Ordinal).ToList();

    private static int Sum(RecordAnswers a, string field) => a.Calls.Sum(c => (int)c[field]!);

    private static string Names(RecordAnswers a, string callId, JsonNode? ids) =>
        string.Join(", ", RecordAnswers.Strings(ids).Select(id => Cell(a.SourceName(callId, id))));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>The text between the markers replaced by <paramref name="figures"/>.</summary>
    public static string Replace(string document, string figures, string start = Start, string end = End)
    {
        var from = document.IndexOf(start, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new InvalidOperationException($"The markers {start} … {end} are missing.");
        return string.Concat(document.AsSpan(0, from + start.Length), "\n", figures, document.AsSpan(to));
    }

    public static string Between(string document, string start = Start, string end = End)
    {
        var from = document.IndexOf(start, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        return from < 0 || to < from ? "" : document[(from + start.Length)..to].TrimStart('\n');
    }
}
