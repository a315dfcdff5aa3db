using System.Net.Http.Json;
using System.Text.Json;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Claims.Tests.Api;

/// <summary>The command line's batch import gives the same calls as importing one dossier at a time.</summary>
public class BatchImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DossierBatchImport Importer => new(app.Store, app.Host.Services.CreateScope().ServiceProvider.GetRequiredService<IMessageBus>());

    [Fact]
    public async Task a_batch_imports_every_dossier_once_and_a_second_run_appends_nothing()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Dossiers"), "*.json").Where(f => !f.EndsWith(".expected.json")).Order().ToList();
        var dossiers = files.Select(f => DossierReader.Read(File.ReadAllText(f))).ToList();
        // The same call twice in one run: the second copy is unchanged, not a conflict or a duplicate.
        dossiers.Add(dossiers[0]);

        var first = await Importer.ImportAsync(dossiers, "batch-test", "test", CancellationToken.None);
        first.ShouldAllBe(o => !o.Refused);
        first[^1].Appended.ShouldBe(0);
        first.Take(files.Count).ShouldAllBe(o => o.Appended > 0);

        var again = await Importer.ImportAsync(dossiers, "batch-test", "test", CancellationToken.None);
        again.ShouldAllBe(o => o.Appended == 0 && !o.Refused);

        foreach (var file in files)
        {
            var expected = JsonDocument.Parse(await File.ReadAllTextAsync(file.Replace(".json", ".expected.json"))).RootElement;
            var callId = expected.GetProperty("callId").GetString()!;
            var view = await app.Client(editor: false).GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/reconciliation");
            view.GetProperty("claimCount").GetInt32().ShouldBe(expected.GetProperty("claimCount").GetInt32());
            view.GetProperty("discrepancyCount").GetInt32().ShouldBe(expected.GetProperty("discrepancyCount").GetInt32());
        }

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(first[0].CallId);
        events.ShouldAllBe(e => e.UserName == "batch-test");
    }

    [Fact]
    public async Task the_views_after_a_batch_import_equal_a_rebuild_from_the_events()
    {
        var dossiers = Enumerable.Range(0, 25)
            .Select(i => DossierReader.Read(Dossiers.Minimal($"batch-rebuild-{i}", "rb-cn", "rb-us").ToJsonString()))
            .ToList();
        (await Importer.ImportAsync(dossiers, "batch-test", "test", CancellationToken.None)).ShouldAllBe(o => o.Appended > 0);

        async Task<string> Views()
        {
            await using var session = app.Store.QuerySession();
            var calls = await session.Query<Claims.Domain.Reconciliation.CallReconciliation>().Where(c => c.Id.StartsWith("batch-rebuild-")).OrderBy(c => c.Id).ToListAsync();
            var summaries = await session.Query<Claims.Domain.Calls.CallSummary>().Where(c => c.Id.StartsWith("batch-rebuild-")).OrderBy(c => c.Id).ToListAsync();
            return JsonSerializer.Serialize(calls.Select(c => new { c.Id, c.Topics, c.ClaimCount, c.DiscrepancyCount, Claims = c.Claims.Select(x => new { x.Id, x.Content, x.Version }) }))
                + JsonSerializer.Serialize(summaries.Select(c => new { c.Id, c.ClaimCount, c.DiscrepancyCount, c.Verdicts }));
        }

        var imported = await Views();
        using var daemon = await ((DocumentStore)app.Store).BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<Claims.Domain.Reconciliation.CallReconciliationProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<Claims.Domain.Calls.CallSummaryProjection>(CancellationToken.None);
        (await Views()).ShouldBe(imported);
    }

    [Fact]
    public async Task a_refused_dossier_does_not_stop_the_others()
    {
        var good = DossierReader.Read(Dossiers.Minimal("batch-good", "bt-cn", "bt-us").ToJsonString());
        var dossier = good.Dossier!;
        var conflicting = good with { Dossier = dossier with { Call = dossier.Call with { Id = "batch-conflict" } } };
        (await Importer.ImportAsync([conflicting], "t", "test", CancellationToken.None)).Single().Appended.ShouldBe(7);

        var claim = conflicting.Dossier!.Claims[0];
        var changed = conflicting with { Dossier = conflicting.Dossier with { Claims = [claim with { Content = claim.Content with { Statement = "Different." } }] } };
        var outcomes = await Importer.ImportAsync([changed, good], "t", "test", CancellationToken.None);
        outcomes[0].Conflicts.ShouldNotBeEmpty();
        outcomes[1].Appended.ShouldBe(5);   // its sources were stored by the first import
    }
}
