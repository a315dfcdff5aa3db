using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Claims.Tests.Api;

/// <summary>A call exported as a dossier and imported into an empty database gives the identical reconciled view.</summary>
public class DossierRoundTripTests(AppFixture source) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly AppFixture _target = new();

    public Task InitializeAsync() => _target.InitializeAsync();
    public Task DisposeAsync() => _target.DisposeAsync();

    private static Task Import(AppFixture app, string json) => app.Import(json);

    /// <summary>
    /// The view without claim versions, which count this database's corrections and start again at 1 on import, and
    /// without related calls' titles, which show only when the other call is stored in the same database.
    /// </summary>
    private static async Task<string> View(AppFixture app, string callId)
    {
        var view = (await app.Client(editor: false).GetFromJsonAsync<JsonObject>($"/api/calls/{callId}/reconciliation"))!;
        foreach (var claim in view["topics"]!.AsArray().SelectMany(t => t!["claims"]!.AsArray())) claim!.AsObject().Remove("version");
        foreach (var related in view["call"]!["related"]!.AsArray()) related!.AsObject().Remove("title");
        return view.ToJsonString();
    }

    [Fact]
    public async Task the_sample_call_with_a_correction_and_a_retraction_survives_export_and_import()
    {
        var callId = "2025-11-24-xi-trump-call";
        await Import(source, Claims.Web.SampleLoader.ReadSample());
        var sample = (await source.Client(editor: false).GetFromJsonAsync<JsonObject>($"/api/calls/{callId}/reconciliation"))!;
        var claims = sample["topics"]!.AsArray().SelectMany(t => t!["claims"]!.AsArray()).Select(c => c!["id"]!.GetValue<string>()).ToList();

        (await source.Client().PostAsJsonAsync($"/api/claims/{callId}/{claims[0]}/corrections",
            new { reason = "round trip", statement = "A corrected statement with <b>markup</b> & 台湾." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await source.Client().PostAsJsonAsync($"/api/claims/{callId}/{claims[1]}/retraction", new { reason = "round trip" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var exported = await source.Client(editor: false).GetStringAsync($"/api/calls/{callId}/dossier");
        exported.ShouldContain("台湾");
        await Import(_target, exported);

        (await View(_target, callId)).ShouldBe(await View(source, callId));
    }

    [Theory]
    [MemberData(nameof(GoldenDossierTests.Files), MemberType = typeof(GoldenDossierTests))]
    public async Task every_golden_dossier_survives_export_and_import(string name)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Dossiers", name + ".json"));
        var callId = JsonNode.Parse(json)!["call"]!["id"]!.GetValue<string>();
        await Import(source, json);

        await Import(_target, await source.Client(editor: false).GetStringAsync($"/api/calls/{callId}/dossier"));
        (await View(_target, callId)).ShouldBe(await View(source, callId));
    }

    [Fact]
    public async Task an_unknown_call_has_no_dossier()
    {
        await _target.WaitForProjections();   // an empty store: nothing to wait for, and no error
        (await source.Client(editor: false).GetAsync("/api/calls/no-such-call/dossier")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
