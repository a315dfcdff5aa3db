using System.Text.Json;

namespace Claims.Tests.Alerts;

/// <summary>A database the import command filled before the tracker first served: its index catches up raising alerts, and keeps raising them.</summary>
public sealed class ImportedFirstAppFixture : AppFixture
{
    public override async Task InitializeAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Schema}.json");
        await File.WriteAllTextAsync(file, Dossiers.Minimal("imported-first", "if-cn", "if-us").ToJsonString());
        var (exit, output, errors) = await ProgramRun.Run(Schema, null, "import", file);
        File.Delete(file);
        exit.ShouldBe(0, output + errors);
        await base.InitializeAsync();
    }
}

public class ImportedBeforeServingTests(ImportedFirstAppFixture app) : IClassFixture<ImportedFirstAppFixture>
{
    private async Task<List<string>> Alerts(string topic) =>
        JsonDocument.Parse(await app.Client(editor: false).GetStringAsync($"/api/alerts?topic={topic}")).RootElement
            .EnumerateArray().Select(a => $"{a.GetProperty("callId").GetString()} {a.GetProperty("change").GetString()}").ToList();

    [Fact]
    public async Task the_first_catch_up_raises_the_imported_findings_and_later_changes_raise_theirs()
    {
        await app.WaitForProjections();
        (await Alerts("taiwan")).ShouldBe(["imported-first appeared"]);

        (await app.Client().PostAsync("/api/claims/imported-first/cn-taiwan/retraction",
            new StringContent("{\"reason\":\"Misread.\"}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await app.WaitForProjections();
        (await Alerts("taiwan")).ShouldBe(["imported-first disappeared", "imported-first appeared"]);
    }
}
