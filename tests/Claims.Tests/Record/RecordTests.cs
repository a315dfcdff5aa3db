using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Claims.Domain.Dossiers;

namespace Claims.Tests.Record;

/// <summary>
/// The record of real calls (docs/record) on a new database, as a user's first start loads it: every dossier clean
/// and loaded, a re-import appends nothing, each call's findings pinned, and the record page equal to the API's answers.
/// </summary>
public class RecordTests(RecordAppFixture app) : IClassFixture<RecordAppFixture>
{
    private const string WriteDocs = "CLAIMS_WRITE_DOCS";

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) return dir.FullName;
            throw new InvalidOperationException("Claims.sln not found above the test output folder.");
        }
    }

    private static string[] RecordFiles => Directory.GetFiles(Path.Combine(Root, "docs", "record"), "*.json").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void the_record_holds_at_least_twenty_calls_that_check_clean_each_with_its_list_of_pages()
    {
        RecordFiles.Length.ShouldBeGreaterThanOrEqualTo(20);
        var checkedFiles = DossierCheck.Check(RecordFiles.Select(f => (Path.GetFileName(f), DossierReader.Read(File.ReadAllBytes(f)))));
        foreach (var c in checkedFiles)
        {
            c.Problems.ShouldBeEmpty($"{c.Name}: {string.Join("; ", c.Problems)}");
            c.Warnings.ShouldBeEmpty($"{c.Name}: {string.Join("; ", c.Warnings)}");
            c.Name.ShouldBe($"{c.CallId}.json");
            File.Exists(Path.Combine(Root, "docs", "record", "pages", $"{c.CallId}.md")).ShouldBeTrue($"{c.CallId} has no list of pages");
        }
    }

    [Fact]
    public async Task a_new_database_holds_the_record_and_a_reimport_appends_nothing()
    {
        var listed = (await CallList.AllAsync(app.Client())).Select(c => c.GetProperty("id").GetString()!).ToHashSet();
        foreach (var file in RecordFiles)
        {
            listed.ShouldContain(Path.GetFileNameWithoutExtension(file));
            var response = await app.Client().PostAsync("/api/dossiers", new ByteArrayContent(await File.ReadAllBytesAsync(file)));
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            ((int)response.StatusCode).ShouldBe(200, answer.ToJsonString());
            ((int)answer["appended"]!).ShouldBe(0, file);
            answer["warnings"]!.AsArray().ShouldBeEmpty(file);
        }
    }

    /// <summary>
    /// Every call's findings as the API gives them, one line per topic, against tests/Claims.Tests/Record/record-findings.txt:
    /// a rule change that moves them shows here, to be judged and then accepted with CLAIMS_WRITE_DOCS=1.
    /// </summary>
    [Fact]
    public async Task each_calls_findings_are_pinned()
    {
        var answers = await RecordAnswers.Fetch(app.Client());
        var lines = new StringBuilder();
        foreach (var call in answers.Calls.OrderBy(c => (string)c["id"]!, StringComparer.Ordinal))
        {
            var id = (string)call["id"]!;
            lines.AppendLine($"{id}  (no readout: {string.Join(", ", RecordAnswers.Strings(call["noReadout"])) switch { "" => "-", var s => s }})");
            foreach (var topic in answers.Views[id]["topics"]!.AsArray())
                lines.AppendLine($"  {topic!["topic"]}: " + string.Join(" · ", topic["findings"]!.AsArray().Select(f => RecordAnswers.Describe(f!.AsObject()))));
        }
        Compare(Path.Combine(Root, "tests", "Claims.Tests", "Record", "record-findings.txt"), lines.ToString());
    }

    [Fact]
    public async Task the_record_page_and_the_readme_give_the_apis_figures()
    {
        await app.WaitForProjections();
        var answers = await RecordAnswers.Fetch(app.Client());
        string DossierOf(string id) => File.Exists(Path.Combine(Root, "docs", "record", id + ".json")) ? $"record/{id}.json" : $"samples/{id}.json";

        var page = Path.Combine(Root, "docs", "record.md");
        Compare(page, RecordPage.Replace(await File.ReadAllTextAsync(page), RecordPage.Figures(answers, DossierOf)));
        var readme = Path.Combine(Root, "README.md");
        Compare(readme, RecordPage.Replace(await File.ReadAllTextAsync(readme), RecordPage.Summary(answers), "<!-- record:start -->", "<!-- record:end -->"));
    }

    /// <summary>The file must hold exactly <paramref name="expected"/>; with CLAIMS_WRITE_DOCS=1 it is written instead.</summary>
    private static void Compare(string path, string expected)
    {
        if (Environment.GetEnvironmentVariable(WriteDocs) == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        if (actual == expected) return;
        File.WriteAllText(path + ".received", expected);
        actual.ShouldBe(expected, $"{path} differs from the API's answers; see {path}.received, and accept with {WriteDocs}=1 dotnet test --filter RecordTests");
    }
}
