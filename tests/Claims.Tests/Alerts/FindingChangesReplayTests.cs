using Claims.Domain.Alerts;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;

namespace Claims.Tests.Alerts;

/// <summary>Which findings a batch of events makes appear or disappear, from events alone (no database).</summary>
public class FindingChangesReplayTests
{
    private readonly Given _call = new("alert-call");

    private CallLedger After(CallLedger? before, params object[] events) => Replay.Ledger(before, _call.CallId, events);

    [Fact]
    public void a_readout_that_leaves_a_topic_out_makes_an_omission_appear_and_speaking_to_it_makes_it_disappear()
    {
        var start = After(null, _call.Registered(), _call.Account("cn-readout", "cn-mfa", "CN"), _call.Account("us-readout", "white-house", "US"));
        FindingChanges.Of(start).ShouldBeEmpty();

        var before = FindingChanges.Of(start);
        var batch = Replay.Wrap(_call.CallId, _call.Claim("cn-taiwan", "cn-readout", "taiwan"));
        var omitted = new CallLedgerProjection().DetermineAction(start, _call.CallId, batch).Item1!;
        var appeared = FindingChanges.Between(before, omitted, batch).ShouldHaveSingleItem();
        appeared.Change.ShouldBe(DiscrepancyAlert.Appeared);
        appeared.Id.ShouldBe($"alert-call/{batch[^1].Sequence}/taiwan/omitted/US");
        (appeared.Topic, appeared.Kind, appeared.Finding.Side).ShouldBe(("taiwan", FindingKind.Omitted, "US"));
        appeared.SourceIds.ShouldBe(["white-house"]);
        appeared.Sides.ShouldBe(["US"]);
        appeared.SearchText.ShouldContain("taiwan");

        before = FindingChanges.Of(omitted);
        batch = Replay.Wrap(_call.CallId, _call.Claim("us-taiwan", "us-readout", "taiwan"));
        var spoken = new CallLedgerProjection().DetermineAction(omitted, _call.CallId, batch).Item1!;
        var gone = FindingChanges.Between(before, spoken, batch).ShouldHaveSingleItem();
        gone.Change.ShouldBe(DiscrepancyAlert.Disappeared);
        gone.VerdictNow.ShouldBe(FindingKind.Corroborated);
    }

    [Fact]
    public void a_finding_that_only_gains_a_source_is_not_a_new_alert()
    {
        var start = After(null, _call.Registered(), _call.Account("cn-readout", "cn-mfa", "CN"), _call.Account("us-readout", "white-house", "US"),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"));
        var before = FindingChanges.Of(start);
        var batch = Replay.Wrap(_call.CallId, _call.Account("us-post", "trump", "US"));
        var after = new CallLedgerProjection().DetermineAction(start, _call.CallId, batch).Item1!;
        after.Topics.Single(t => t.Topic == "taiwan").Findings.Single(f => f.Kind == FindingKind.Omitted).Sources!.Count.ShouldBe(2);
        FindingChanges.Between(before, after, batch).ShouldBeEmpty();
    }
}
