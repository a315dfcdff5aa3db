using System.Text.Json.Nodes;

namespace Claims.Tests.Record;

/// <summary>What the API answers about every stored call: the call list and each call's reconciliation, as JSON.</summary>
public sealed record RecordAnswers(IReadOnlyList<JsonObject> Calls, IReadOnlyDictionary<string, JsonObject> Views)
{
    public static async Task<RecordAnswers> Fetch(HttpClient client)
    {
        var calls = (await CallList.AllAsync(client)).Select(c => JsonNode.Parse(c.GetRawText())!.AsObject()).ToList();
        var views = new Dictionary<string, JsonObject>();
        foreach (var call in calls)
        {
            var id = (string)call["id"]!;
            views[id] = JsonNode.Parse(await client.GetStringAsync($"/api/calls/{id}/reconciliation"))!.AsObject();
        }
        return new RecordAnswers(calls, views);
    }

    public IEnumerable<(string CallId, JsonObject Topic)> Topics =>
        Calls.SelectMany(c => Views[(string)c["id"]!]["topics"]!.AsArray().Select(t => ((string)c["id"]!, t!.AsObject())));

    public IEnumerable<(string CallId, string Topic, JsonObject Finding)> Findings =>
        Topics.SelectMany(t => t.Topic["findings"]!.AsArray().Select(f => (t.CallId, (string)t.Topic["topic"]!, f!.AsObject())));

    /// <summary>A source's name as the call's view gives it.</summary>
    public string SourceName(string callId, string sourceId) =>
        Views[callId]["sources"]!.AsArray().FirstOrDefault(s => (string)s!["id"]! == sourceId)?["name"]?.GetValue<string>() ?? sourceId;

    public static IReadOnlyList<string> Strings(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToList() ?? [];

    /// <summary>One finding on one line: its kind and what the kind names (side, facet and values, sides, sources).</summary>
    public static string Describe(JsonObject f)
    {
        var kind = (string)f["kind"]!;
        return kind switch
        {
            "omitted" => $"omitted by {f["side"]}: {string.Join(", ", Strings(f["sources"]))}",
            "contradicted" => $"contradicted: {string.Join(", ", Strings(f["asserting"]))} vs {string.Join(", ", Strings(f["denying"]))}",
            "divergent" => $"divergent on {f["facet"]}: " + string.Join(", ", f["values"]!.AsArray().Select(v => $"{v!["source"]}={v["value"]}")),
            "corroborated" => $"corroborated by {string.Join("+", Strings(f["sides"]))}: {string.Join(", ", Strings(f["sources"]))}",
            _ => $"{kind}{(f["side"] is { } side ? $" ({side})" : "")}: {string.Join(", ", Strings(f["sources"]))}",
        };
    }
}
