using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Domain;
using Claims.Domain.Calls;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Domain.Search;
using Claims.Domain.Sources;
using Claims.Web.Database;
using Marten;
using Npgsql;

namespace Claims.Tests.Upgrade;

/// <summary>
/// A database written by version 1 of the rules (<c>v1-store.sql.gz</c>: the schema as the version 1 program left it,
/// with the version 1 sample call, the four version 1 golden dossiers, a correction and a retraction) upgraded as an
/// operator upgrades it: the new program's <c>projections rebuild</c>. Afterwards it answers exactly as a fresh import
/// of the same dossiers and changes does, and not one stored event was rewritten.
/// </summary>
public class UpgradeTests : IAsyncLifetime
{
    private readonly string _legacy = TestDatabase.NewSchema("v1");
    private readonly AppFixture _fresh = new();

    public Task InitializeAsync() => _fresh.InitializeAsync();
    public Task DisposeAsync() => _fresh.DisposeAsync();

    [Fact]
    public async Task a_version_1_store_answers_by_version_2_rules_after_a_rebuild_with_nothing_rewritten()
    {
        await Restore(_legacy);
        var before = await EventsDigest(_legacy);
        using (var old = DocumentStore.For(opts => ClaimsStore.Configure(opts, TestDatabase.ConnectionString, _legacy)))
            (await Claims.Web.RulesVersionCheck.Outdated(old, CancellationToken.None)).ShouldBeTrue();

        var (exit, output, errors) = await ProgramRun.Run(_legacy, null, "projections", "rebuild");
        exit.ShouldBe(0, output + errors);
        (await EventsDigest(_legacy)).ShouldBe(before);

        await ImportTheSameIntoAFreshStore();
        using var legacy = DocumentStore.For(opts => ClaimsStore.Configure(opts, TestDatabase.ConnectionString, _legacy));
        await using var upgraded = legacy.QuerySession();
        await using var fresh = _fresh.Store.QuerySession();
        (await Claims.Web.RulesVersionCheck.Outdated(legacy, CancellationToken.None)).ShouldBeFalse();

        (await Calls(upgraded)).ShouldBe(await Calls(fresh));
        (await Summaries(upgraded)).ShouldBe(await Summaries(fresh));
        (await Rows(upgraded)).ShouldBe(await Rows(fresh));
        (await Records(upgraded)).ShouldBe(await Records(fresh));
        (await Entries(upgraded)).ShouldBe(await Entries(fresh));
        // The rebuild set the search entries' GIN indexes aside while it wrote them, and built them again at the end.
        errors.ShouldContain("Built the search entries' 6 indexes");
        (await SearchIndexes(_legacy)).ShouldBe(await SearchIndexes(_fresh.Schema));

        // Version 2's answers, not version 1's: version 1 called every topic of its sample omitted.
        var sample = (await upgraded.LoadAsync<CallReconciliation>("2025-11-24-xi-trump-call"))!;
        sample.Topics.Count(t => t.Verdict == FindingKind.Omitted).ShouldBeLessThan(sample.Topics.Count);
        sample.Topics.Single(t => t.Topic == "taiwan").Findings.Single(f => f.Kind == FindingKind.Omitted).Side.ShouldBe("US");
    }

    /// <summary>The same dossiers and the same two changes, through today's program.</summary>
    private async Task ImportTheSameIntoAFreshStore()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Dossiers");
        await _fresh.Import(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Upgrade", "v1-sample.json")));
        foreach (var name in new[] { "2025-02-18-cn-jp-foreign-ministers-call", "2025-03-05-au-cn-agriculture-ministers-video-call",
                     "2025-11-01-ca-cn-trade-ministers-meeting", "2025-12-09-us-kr-leaders-call" })
            await _fresh.Import(await File.ReadAllTextAsync(Path.Combine(folder, name + ".json")));
        const string call = "2025-11-24-xi-trump-call";
        (await _fresh.Client().PostAsJsonAsync($"/api/claims/{call}/bloomberg-call-one-hour/corrections",
            new { reason = "Bloomberg: about an hour", facet = new { key = "duration-minutes", value = "about 60" } })).EnsureSuccessStatusCode();
        (await _fresh.Client().PostAsJsonAsync($"/api/claims/{call}/wu-call-signal-on-takaichi/retraction",
            new { reason = "analysis, not an account of the call" })).EnsureSuccessStatusCode();
        await _fresh.WaitForProjections();
    }

    private static async Task<string[]> Calls(IQuerySession session) =>
        (await session.Query<CallReconciliation>().OrderBy(c => c.Id).ToListAsync())
        .Select(c => $"{c.Id} v{c.Version} {c.ClaimCount} claims {c.DiscrepancyCount} discrepancies no readout [{string.Join(",", c.NoReadout)}] "
                     + JsonSerializer.Serialize(c.Topics) + JsonSerializer.Serialize(c.Claims.Select(x => (x.Id, x.Version, x.Retracted, x.Content))))
        .ToArray();

    private static async Task<string[]> Summaries(IQuerySession session) =>
        (await session.Query<CallSummary>().OrderBy(c => c.Id).ToListAsync())
        .Select(c => $"{c.Id} {c.ClaimCount} {c.DiscrepancyCount} {JsonSerializer.Serialize(c.Findings.OrderBy(x => x.Key))} [{string.Join(",", c.NoReadout)}]")
        .ToArray();

    private static async Task<string[]> Rows(IQuerySession session) =>
        (await session.Query<DiscrepancyRow>().OrderBy(r => r.Id).ToListAsync())
        .Select(r => $"{r.Id} {r.Verdict} [{string.Join(",", r.FindingKinds)}] {JsonSerializer.Serialize(r.Findings)} {JsonSerializer.Serialize(r.Claims)}")
        .ToArray();

    private static async Task<string[]> Records(IQuerySession session) =>
        (await session.Query<SourceRecord>().OrderBy(r => r.Id).ToListAsync())
        .Select(r => $"{r.Id} {r.Standing} silent [{string.Join(",", r.SilentOn)}] contradicted [{string.Join(",", r.Contradicted)}] diverged [{string.Join(",", r.Diverged)}]")
        .ToArray();

    private static async Task<string[]> Entries(IQuerySession session) =>
        (await session.Query<SearchEntry>().OrderBy(e => e.Id).ToListAsync()).Select(e => JsonSerializer.Serialize(e)).ToArray();

    /// <summary>The search entries' indexes as PostgreSQL describes them, the schema's name left out.</summary>
    private static async Task<string[]> SearchIndexes(string schema)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select replace(indexdef, schemaname || '.', '') from pg_indexes where schemaname = $1 and tablename = 'mt_doc_searchentry' order by indexname",
            connection) { Parameters = { new() { Value = schema } } };
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<string>();
        while (await reader.ReadAsync()) indexes.Add(reader.GetString(0));
        indexes.Count.ShouldBeGreaterThan(6);
        return [.. indexes];
    }

    /// <summary>Every stored event, as stored: what the upgrade must leave exactly as it was.</summary>
    private static async Task<string> EventsDigest(string schema)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) || ':' || md5(string_agg(seq_id || type || data::text || timestamp::text, '|' order by seq_id)) from {schema}.mt_events", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Loads the version 1 schema dump under another schema name, with psql as an operator restores a backup.</summary>
    private static async Task Restore(string schema)
    {
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var extension = new NpgsqlCommand("create extension if not exists pg_trgm", connection);
            await extension.ExecuteNonQueryAsync();
        }
        await using var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Upgrade", "v1-store.sql.gz")), CompressionMode.Decompress);
        var sql = (await new StreamReader(gz).ReadToEndAsync()).Replace("__schema__", schema);
        var file = Path.Combine(Path.GetTempPath(), $"{schema}.sql");
        await File.WriteAllTextAsync(file, sql);

        var builder = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        var info = new ProcessStartInfo(Path.Combine(PostgresBinaries.Find()!, "psql"))
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!, "-d", builder.Database!,
                     "-v", "ON_ERROR_STOP=1", "-q", "-f", file })
            info.ArgumentList.Add(arg);
        info.Environment["PGPASSWORD"] = builder.Password;
        using var psql = Process.Start(info)!;
        var errors = psql.StandardError.ReadToEndAsync();
        await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();
        File.Delete(file);
        psql.ExitCode.ShouldBe(0, await errors);
    }
}
