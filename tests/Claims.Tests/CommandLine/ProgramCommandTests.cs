using System.Text.Json;

namespace Claims.Tests.CommandLine;

/// <summary>The program's own command line (import, discrepancies), run as a user runs it, as a separate process.</summary>
public class ProgramCommandTests
{
    private readonly string _schema = TestDatabase.NewSchema("cli");
    private readonly Dictionary<string, string> _settings = [];

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => ProgramRun.Run(_schema, _settings, args);

    [Fact]
    public void a_rebuild_gets_two_hours_a_projection_unless_the_command_line_gives_its_own_timeout()
    {
        Claims.Web.CommandLine.WithRebuildTimeout(["projections", "rebuild"]).ShouldBe(["projections", "rebuild", "--shard-timeout", "2h"]);
        Claims.Web.CommandLine.WithRebuildTimeout(["projections", "rebuild", "-p", "CallSummary"])
            .ShouldBe(["projections", "rebuild", "-p", "CallSummary", "--shard-timeout", "2h"]);
        Claims.Web.CommandLine.WithRebuildTimeout(["projections", "rebuild", "--shard-timeout", "10m"]).ShouldBe(["projections", "rebuild", "--shard-timeout", "10m"]);
        Claims.Web.CommandLine.WithRebuildTimeout(["projections", "list"]).ShouldBe(["projections", "list"]);
        Claims.Web.CommandLine.WithRebuildTimeout(["import", "rebuild"]).ShouldBe(["import", "rebuild"]);
    }

    [Fact]
    public void a_rebuild_sets_the_search_indexes_aside_only_when_it_rebuilds_the_index_that_holds_them()
    {
        Claims.Web.Commands.RebuildIndexesAside.Applies(["projections", "rebuild"]).ShouldBeTrue();
        Claims.Web.Commands.RebuildIndexesAside.Applies(["projections", "rebuild", "-p", "DiscrepancyIndex"]).ShouldBeTrue();
        Claims.Web.Commands.RebuildIndexesAside.Applies(["projections", "rebuild", "--projection", "discrepancyindex"]).ShouldBeTrue();
        Claims.Web.Commands.RebuildIndexesAside.Applies(["projections", "rebuild", "-p", "CallSummary"]).ShouldBeFalse();
        Claims.Web.Commands.RebuildIndexesAside.Applies(["projections", "list"]).ShouldBeFalse();
        Claims.Web.Commands.RebuildIndexesAside.Applies(["projections"]).ShouldBeFalse();
        Claims.Web.Commands.RebuildIndexesAside.Applies(["import", "rebuild"]).ShouldBeFalse();
    }

    [Fact]
    public async Task import_prints_what_each_file_appended_and_fails_on_a_refused_file()
    {
        var folder = Directory.CreateTempSubdirectory("claims-cli-").FullName;
        var good = Path.Combine(folder, "good.json");
        var bad = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(good, Dossiers.Minimal("cli-call", "cli-cn", "cli-us").ToJsonString());
        var broken = Dossiers.Minimal("cli-bad", "cli-cn", "cli-us");
        broken["claims"]![0]!["stance"] = "maybe";
        await File.WriteAllTextAsync(bad, broken.ToJsonString());

        var (exit, output, errors) = await Run("import", good, bad, "--editor", "cli-test");
        exit.ShouldNotBe(0, output + errors);
        output.ShouldContain("cli-call");
        output.ShouldContain("refused");
        errors.ShouldContain("$.claims[0].stance");

        (exit, output, errors) = await Run("import", good);
        exit.ShouldBe(0, output + errors);
        output.ShouldContain("already stored");

        (exit, output, errors) = await Run("discrepancies", "--call", "cli-call", "--json");
        exit.ShouldBe(0, errors);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("topic").GetString(), r.GetProperty("verdict").GetString()))
            .ShouldBe([("taiwan", "omitted"), ("trade", "omitted")], ignoreOrder: true);

        (exit, output, errors) = await Run("discrepancies", "--topic", "taiwan", "--q", "台湾");
        exit.ShouldBe(0, errors);
        output.ShouldContain("1 discrepancy in 1 call");

        (exit, output, errors) = await Run("discrepancies", "--verdict", "contradicted,omitted", "--json");
        exit.ShouldBe(0, errors);
        JsonDocument.Parse(output).RootElement.GetArrayLength().ShouldBe(2);
        (exit, output, errors) = await Run("discrepancies", "--verdict", "contradicted", "--json");
        exit.ShouldBe(0, errors);
        JsonDocument.Parse(output).RootElement.GetArrayLength().ShouldBe(0);

        (exit, _, errors) = await Run("discrepancies", "--verdict", "corroborated");
        exit.ShouldNotBe(0);
        errors.ShouldContain("--verdict");

        var exported = Path.Combine(folder, "exported.json");
        (exit, _, errors) = await Run("export", "--call", "cli-call", "--format", "dossier", "--out", exported);
        exit.ShouldBe(0, errors);
        JsonDocument.Parse(await File.ReadAllTextAsync(exported)).RootElement.GetProperty("claims").GetArrayLength().ShouldBe(2);

        (exit, output, errors) = await Run("export", "--call", "cli-call", "--format", "claimreview");
        exit.ShouldBe(0, errors);
        JsonDocument.Parse(output).RootElement.GetArrayLength().ShouldBe(2);

        (exit, output, errors) = await Run("export", "--call", "cli-call", "--format", "csv");
        exit.ShouldBe(0, errors);
        output.ShouldContain("cli-call");
    }

    [Fact]
    public async Task editors_add_prints_a_key_once_list_shows_who_and_revoke_ends_the_key()
    {
        var (exit, output, errors) = await Run("editors", "add", "Ana Lima");
        exit.ShouldBe(0, errors);
        var key = output.Trim();
        key.ShouldMatch("^[0-9a-f]{32}$");
        errors.ShouldContain("shown this once");

        (exit, _, errors) = await Run("editors", "revoke", "Ana Lima");
        exit.ShouldBe(0, errors);
        (exit, output, _) = await Run("editors", "list");
        exit.ShouldBe(0);
        output.ShouldContain("Ana Lima");
        output.ShouldContain("revoked");
        output.ShouldNotContain(key);
    }

    [Fact]
    public async Task a_bad_setting_stops_the_program_with_the_setting_named()
    {
        _settings["Claims__CountLimit"] = "lots";
        var (exit, _, errors) = await Run("discrepancies");
        exit.ShouldNotBe(0);
        errors.ShouldContain("Claims__CountLimit is \"lots\"");
    }

    [Fact]
    public async Task check_reads_dossiers_with_no_database_and_names_every_problem_and_the_findings()
    {
        var folder = Directory.CreateTempSubdirectory("claims-check-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a-good.json"), Dossiers.Minimal("check-call", "check-cn", "check-us").ToJsonString());
        var broken = Dossiers.Minimal("check-bad", "check-cn", "check-us");
        broken["claims"]![0]!["stance"] = "maybe";
        await File.WriteAllTextAsync(Path.Combine(folder, "b-bad.json"), broken.ToJsonString());
        // The shipped sample calls "trump" Donald Trump: a file that names him otherwise would be refused on a new database.
        var renamed = Dossiers.Minimal("check-renamed", "check-cn", "trump");
        await File.WriteAllTextAsync(Path.Combine(folder, "c-renamed.json"), renamed.ToJsonString());

        // A database that does not exist: check never opens it. The folder is named relative to the shell's folder.
        var (exit, output, errors) = await ProgramRun.RunWith(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marten"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1", ["PWD"] = Path.GetDirectoryName(folder),
        }, "check", Path.GetFileName(folder), "--findings");

        exit.ShouldNotBe(0, output + errors);
        output.ShouldContain("a-good.json: ok check-call: 2 accounts");
        output.ShouldContain("taiwan: ");
        output.ShouldContain("b-bad.json: refused");
        output.ShouldContain("$.claims[0].stance");
        output.ShouldContain("source \"trump\" is stored as \"Donald Trump\"");
        output.ShouldContain("1 would import, 2 would be refused");
    }
}
