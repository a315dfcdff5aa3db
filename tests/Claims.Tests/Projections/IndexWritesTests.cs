using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Domain;
using Claims.Domain.Discrepancies;
using Claims.Domain.Search;
using Claims.Domain.Sources;
using Marten;
using Marten.Linq.MatchesSql;

namespace Claims.Tests.Projections;

/// <summary>The async index writes only the documents a change alters, and still agrees with a rebuild from the events.</summary>
public class IndexWritesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Dictionary<string, DateTimeOffset>> Versions<T>(string callId) where T : notnull
    {
        await using var session = app.Store.QuerySession();
        var docs = await session.Query<T>().Where(d => d.MatchesSql("d.id like ?", $"%{callId}%")).ToListAsync();
        var versions = new Dictionary<string, DateTimeOffset>();
        foreach (var doc in docs)
        {
            var metadata = (await session.MetadataForAsync(doc))!;
            versions[(string)typeof(T).GetProperty("Id")!.GetValue(doc)!] = metadata.LastModified;
        }
        return versions;
    }

    private async Task<string> Rows(string callId)
    {
        await using var session = app.Store.QuerySession();
        var rows = await session.Query<DiscrepancyRow>().Where(r => r.CallId == callId).OrderBy(r => r.Id).ToListAsync();
        return JsonSerializer.Serialize(rows);
    }

    [Fact]
    public async Task a_claim_on_a_new_topic_rewrites_its_own_row_and_entry_and_leaves_the_other_topics_as_stored()
    {
        await app.Import(Dossiers.Minimal("writes-call", "writes-cn", "writes-us").ToJsonString());
        await app.WaitForProjections();
        var rows = await Versions<DiscrepancyRow>("writes-call");
        var entries = await Versions<SearchEntry>("writes-call");
        var records = await Versions<SourceRecord>("writes-call");
        rows.Keys.ShouldBe(["writes-call/taiwan", "writes-call/trade"], ignoreOrder: true);
        DateTimeOffset taiwanRecordedAt;
        await using (var session = app.Store.QuerySession())
            taiwanRecordedAt = (await session.LoadAsync<DiscrepancyRow>("writes-call/taiwan"))!.LastRecordedAt;

        var claim = new JsonObject
        {
            ["id"] = "cn-rare-earths", ["account"] = "cn-readout", ["topic"] = "rare-earths", ["stance"] = "asserted",
            ["statement"] = "Rare earths were discussed."
        };
        (await app.Client().PostAsJsonAsync("/api/calls/writes-call/claims", claim)).EnsureSuccessStatusCode();
        await app.WaitForProjections();

        var rowsAfter = await Versions<DiscrepancyRow>("writes-call");
        rowsAfter.Keys.ShouldBe(["writes-call/rare-earths", "writes-call/taiwan", "writes-call/trade"], ignoreOrder: true);
        rowsAfter["writes-call/taiwan"].ShouldBe(rows["writes-call/taiwan"], "the taiwan row was not written again");
        rowsAfter["writes-call/trade"].ShouldBe(rows["writes-call/trade"]);
        var entriesAfter = await Versions<SearchEntry>("writes-call");
        entriesAfter["writes-call/taiwan"].ShouldBe(entries["writes-call/taiwan"]);
        entriesAfter["writes-call/trade"].ShouldBe(entries["writes-call/trade"]);
        entriesAfter.Keys.ShouldContain("writes-call/rare-earths");
        // Both sources' records change: the Chinese one asserts one more topic, the American one is silent on it.
        var recordsAfter = await Versions<SourceRecord>("writes-call");
        recordsAfter["writes-cn/writes-call"].ShouldNotBe(records["writes-cn/writes-call"]);
        recordsAfter["writes-us/writes-call"].ShouldNotBe(records["writes-us/writes-call"]);

        await using (var session = app.Store.QuerySession())
        {
            var cn = (await session.LoadAsync<SourceRecord>("writes-cn/writes-call"))!;
            (cn.Asserted, string.Join(",", (await session.LoadAsync<SourceRecord>("writes-us/writes-call"))!.SilentOn)).ShouldBe((2, "rare-earths,taiwan"));
            (await session.LoadAsync<DiscrepancyRow>("writes-call/taiwan"))!.LastRecordedAt.ShouldBe(taiwanRecordedAt);
            var rareEarths = (await session.LoadAsync<DiscrepancyRow>("writes-call/rare-earths"))!;
            rareEarths.LastRecordedAt.ShouldBeGreaterThan(taiwanRecordedAt, "the topic's own evidence was recorded later");
        }

        // Replayed from the events, the index holds the same rows, instants included.
        var live = await Rows("writes-call");
        using var daemon = await ((DocumentStore)app.Store).BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ClaimsStore.DiscrepancyIndex, CancellationToken.None);
        (await Rows("writes-call")).ShouldBe(live);
    }
}
