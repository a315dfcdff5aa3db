using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>
/// Dossiers of calls the program has never seen (tests/Claims.Tests/Dossiers), in both formats, each with the view
/// the rules of spec section 3 give, worked out by hand from the contract in its <c>.expected.json</c>: the sides
/// without a readout, the topics' order, every finding and every asserting, denying and silent list, now and
/// published as of several instants.
/// </summary>
public class GoldenDossierTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Dossiers"), "*.expected.json")
            .Select(f => Path.GetFileName(f).Replace(".expected.json", "")).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task the_view_is_exactly_what_the_rules_give(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Dossiers");
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, name + ".expected.json"))).RootElement;
        var callId = expected.GetProperty("callId").GetString()!;

        var import = await app.Client().PostAsync("/api/dossiers",
            new StringContent(await File.ReadAllTextAsync(Path.Combine(folder, name + ".json")), Encoding.UTF8, "application/json"));
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());

        var client = app.Client(editor: false);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/reconciliation");
        view.GetProperty("claimCount").GetInt32().ShouldBe(expected.GetProperty("claimCount").GetInt32());
        view.GetProperty("discrepancyCount").GetInt32().ShouldBe(expected.GetProperty("discrepancyCount").GetInt32());
        Actual(view).ShouldBe(Expected(expected), $"{callId} now");

        foreach (var asOf in expected.GetProperty("publishedAsOf").EnumerateArray())
        {
            var instant = asOf.GetProperty("instant").GetString()!;
            var then = await client.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/reconciliation?publishedAsOf={Uri.EscapeDataString(instant)}");
            Actual(then).ShouldBe(Expected(asOf), $"{callId} published as of {instant}");
        }

        var calls = await CallList.AllAsync(client);
        var listed = calls.Single(c => c.GetProperty("id").GetString() == callId);
        listed.GetProperty("discrepancyCount").GetInt32().ShouldBe(expected.GetProperty("discrepancyCount").GetInt32());
        List(listed, "noReadout").ShouldBe(List(expected, "noReadout"));
    }

    /// <summary>The view as comparable lines: the sides without a readout, the order, then one line per topic.</summary>
    private static string[] Actual(JsonElement view) =>
        [$"noReadout [{List(view, "noReadout")}]",
         $"order [{string.Join(",", view.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString()))}]",
         .. Lines(view.GetProperty("topics").EnumerateArray().Select(t => (t.GetProperty("topic").GetString()!, t)))];

    private static string[] Expected(JsonElement expected) =>
        [$"noReadout [{List(expected, "noReadout")}]",
         $"order [{List(expected, "order")}]",
         .. Lines(expected.GetProperty("topics").EnumerateObject().Select(p => (p.Name, p.Value)))];

    private static IEnumerable<string> Lines(IEnumerable<(string Topic, JsonElement Value)> items) =>
        items.Select(i => $"{i.Topic}: {i.Value.GetProperty("verdict").GetString()} " +
                          $"findings [{string.Join(" | ", i.Value.GetProperty("findings").EnumerateArray().Select(Finding))}] " +
                          $"asserting [{List(i.Value, "asserting")}] denying [{List(i.Value, "denying")}] silent [{List(i.Value, "silent")}]")
            .Order(StringComparer.Ordinal);

    /// <summary>A finding in one canonical line, whatever the order of its fields; divergent values as a sorted set.</summary>
    private static string Finding(JsonElement f)
    {
        string Field(string name) => f.TryGetProperty(name, out var v)
            ? name + "=" + (v.ValueKind == JsonValueKind.Array
                ? "[" + string.Join(",", v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object
                    ? $"{x.GetProperty("source").GetString()}:{x.GetProperty("value").GetString()}" : x.GetString()).Order(StringComparer.Ordinal)) + "]"
                : v.GetString())
            : "";
        return string.Join(" ", new[] { "kind", "side", "facet", "sides", "asserting", "denying", "values", "sources" }.Select(Field).Where(x => x.Length > 0));
    }

    private static string List(JsonElement e, string name) => string.Join(",", e.GetProperty(name).EnumerateArray().Select(x => x.GetString()));
}
