using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using JasperFx.Events.Daemon;
using System.Text.Json;
using Marten;
using static Claims.Domain.Reconciliation.FindingKind;

namespace Claims.Tests.Projections;

/// <summary>The same projections through the real event store on PostgreSQL: inline, as of an instant, and rebuilt.</summary>
public class ProjectionStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly DocumentStore _store = fixture.Store;

    private async Task Append(string callId, params object[] events)
    {
        await using var session = _store.LightweightSession();
        session.LastModifiedBy = "store-test";
        session.Events.Append(callId, events);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task inline_projections_are_current_after_each_append()
    {
        var call = new Given("store-inline");
        await Append(call.CallId, call.Registered(), call.Account("cn", "cn-mfa", "CN"), call.Account("us", "white-house", "US"),
            call.Claim("c1", "cn", "taiwan"));

        await using var session = _store.QuerySession();
        var view = (await session.LoadAsync<CallReconciliation>(call.CallId))!;
        view.Topics.Single().Verdict.ShouldBe(Omitted);
        view.Claim("c1")!.RecordedBy.ShouldBe("store-test");
        view.Accounts[0].PublishedAt.ShouldBe(Given.Noon);
        var summary = (await session.LoadAsync<CallSummary>(call.CallId))!;
        summary.DiscrepancyCount.ShouldBe(1);
    }

    [Fact]
    public async Task recorded_as_of_replays_only_the_events_stored_by_then()
    {
        var call = new Given("store-as-of");
        await Append(call.CallId, call.Registered(), call.Account("cn", "cn-mfa", "CN"), call.Account("us", "white-house", "US"),
            call.Claim("c1", "cn", "taiwan"));
        await using (var q = _store.QuerySession())
        {
            var before = (await q.Events.FetchStreamAsync(call.CallId)).Max(e => e.Timestamp);
            await Task.Delay(50);
            await Append(call.CallId, call.Claim("c2", "us", "taiwan", "denied"));

            var then = (await q.Events.AggregateStreamAsync<CallReconciliation>(call.CallId, timestamp: before))!;
            then.Topics.Single().Verdict.ShouldBe(Omitted);
            var now = (await q.LoadAsync<CallReconciliation>(call.CallId))!;
            now.Topics.Single().Verdict.ShouldBe(Contradicted);
        }
    }

    [Fact]
    public async Task a_rebuild_from_the_events_gives_the_same_views()
    {
        var call = new Given("store-rebuild");
        await Append(call.CallId, call.Registered(), call.Account("cn", "cn-mfa", "CN"), call.Account("us", "white-house", "US"),
            call.Claim("c1", "cn", "taiwan"), call.Claim("c2", "us", "trade"), call.Correct("c2", "taiwan", "denied"), call.Retract("c1"));

        CallReconciliation before;
        await using (var q = _store.QuerySession()) before = (await q.LoadAsync<CallReconciliation>(call.CallId))!;

        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<CallReconciliationProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<CallSummaryProjection>(CancellationToken.None);

        await using var session = _store.QuerySession();
        var after = (await session.LoadAsync<CallReconciliation>(call.CallId))!;
        JsonSerializer.Serialize(after.Topics).ShouldBe(JsonSerializer.Serialize(before.Topics));
        after.Claims.Select(c => (c.Id, c.Version, c.Retracted)).ShouldBe(before.Claims.Select(c => (c.Id, c.Version, c.Retracted)));
        after.Topics.Single().Verdict.ShouldBe(Denied);
        (await session.LoadAsync<CallSummary>(call.CallId))!.ClaimCount.ShouldBe(1);
    }

    [Fact]
    public async Task a_replay_the_stored_inline_view_and_a_live_aggregation_agree()
    {
        var call = new Given("store-agree");
        object[] first = [call.Registered(), call.Account("cn", "cn-mfa", "CN"), call.Account("us", "white-house", "US"), call.Claim("c1", "cn", "taiwan")];
        object[] then = [call.Claim("c2", "us", "trade"), call.Correct("c2", "taiwan", "denied")];
        await Append(call.CallId, first);
        await Append(call.CallId, then);      // a plain append to an existing stream: Marten's quick mode gives the projection no versions
        await Append(call.CallId, call.Retract("c1"));

        var replayed = Replay.Project(new CallReconciliationProjection(), call.CallId, [.. first, .. then, call.Retract("c1")])!;
        await using var session = _store.QuerySession();
        var stored = (await session.LoadAsync<CallReconciliation>(call.CallId))!;
        var live = (await session.Events.AggregateStreamAsync<CallReconciliation>(call.CallId))!;
        var state = await session.Events.FetchStreamStateAsync(call.CallId);

        state!.Version.ShouldBe(7);
        stored.Version.ShouldBe(state.Version);
        live.Version.ShouldBe(state.Version);
        replayed.Version.ShouldBe(state.Version);
        JsonSerializer.Serialize(stored.Topics).ShouldBe(JsonSerializer.Serialize(replayed.Topics));
        JsonSerializer.Serialize(live.Topics).ShouldBe(JsonSerializer.Serialize(replayed.Topics));
        stored.NoReadout.ShouldBe(replayed.NoReadout);
    }

    [Fact]
    public async Task a_plain_store_catches_its_async_projections_up_on_demand()
    {
        var call = new Given("store-catch-up");
        await Append(call.CallId, call.Registered(), call.Account("cn", "cn-mfa", "CN"), call.Account("us", "white-house", "US"),
            call.Claim("c1", "cn", "taiwan"));

        await fixture.CatchUp();

        await using var session = _store.QuerySession();
        var row = await session.LoadAsync<Claims.Domain.Discrepancies.DiscrepancyRow>("store-catch-up/taiwan");
        row.ShouldNotBeNull().FindingKinds.ShouldBe([Omitted]);
    }
}
