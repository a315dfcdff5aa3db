using Claims.Domain.Calls;
using Claims.Domain.Changes;
using Claims.Domain.Reconciliation;
using static Claims.Domain.Reconciliation.FindingKind;

namespace Claims.Tests.Projections;

/// <summary>The example of docs/testing.md: given these events, expect this view; no database.</summary>
public class TaiwanDenialReplayTests
{
    private readonly Given _call = new("my-test-call");

    private object[] Events() =>
    [
        _call.Registered(),                                                                   // parties CN and US
        _call.Account("cn-readout", "cn-mfa", "CN", offsetHours: 8),                          // Given.Noon, written in Beijing time
        _call.Account("us-briefing", "white-house", "US", kind: "briefing", hoursAfterNoon: 5, offsetHours: -5),
        _call.Account("analyst-note", "wu-xinbo", "CN", kind: "interview", hoursAfterNoon: 30, sourceKind: "analyst"),
        _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
        _call.Claim("us-taiwan", "us-briefing", "taiwan", stance: "denied"),
        _call.Claim("cn-length", "cn-readout", "call-duration", facet: new Facet("duration-minutes", "60")),
        _call.Claim("us-length", "us-briefing", "call-duration", facet: new Facet("duration-minutes", " 60 ")),
        _call.Claim("wu-japan", "analyst-note", "japan"),
    ];

    [Fact]
    public void a_denial_from_the_other_side_contradicts_the_readout()
    {
        var view = Replay.Project(new CallReconciliationProjection(), _call.CallId, Events())!;

        view.Topics.Select(t => (t.Topic, t.Verdict)).ShouldBe(
        [
            ("taiwan", Contradicted),          // discrepancies come first
            ("call-duration", Corroborated),   // "60" and " 60 " agree
            ("japan", Unconfirmed),            // only an analyst speaks to it
        ]);
        var taiwan = view.Topics[0];
        taiwan.Findings.ShouldHaveSingleItem().Denying.ShouldBe(["white-house"]);
        taiwan.Silent.ShouldBeEmpty();
        view.NoReadout.ShouldBe(["US"]);       // a briefing is not a readout: the US side has none, so it is never silent
        view.DiscrepancyCount.ShouldBe(1);
        view.Accounts[0].PublishedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void before_the_briefing_the_readout_stood_alone()
    {
        var steps = Replay.Steps(new CallReconciliationProjection(), _call.CallId, Events());
        steps[4]!.Topics.Single().Findings.ShouldHaveSingleItem().ShouldBe(Finding.OneSided("CN", ["cn-mfa"]), new Rules.FindingComparer());

        var view = steps[^1]!;
        var early = ReconciliationView.From(view, publishedAsOf: Given.Noon.AddHours(1));
        early.Accounts.Select(a => a.Id).ShouldBe(["cn-readout"]);
        early.Topics.Single(t => t.Topic == "taiwan").Verdict.ShouldBe(OneSided);
    }

    [Fact]
    public void retracting_the_denial_leaves_the_readout_alone_and_the_history_keeps_it()
    {
        object[] events = [.. Events(), _call.Retract("us-taiwan")];

        var summary = Replay.Project(new CallSummaryProjection(), _call.CallId, events)!;
        summary.DiscrepancyCount.ShouldBe(0);
        summary.Verdicts[OneSided].ShouldBe(1);             // only cn-mfa speaks to taiwan now

        var history = ClaimHistory.From(_call.CallId, "us-taiwan", Replay.Wrap(_call.CallId, events))!;
        history.Retracted.ShouldBeTrue();
        history.Versions.Select(v => v.Change).ShouldBe(["recorded", "retracted"]);
        history.Versions[1].RecordedAt.ShouldBe(Replay.Start.AddMinutes(9));   // the 10th event
        history.Versions[1].RecordedBy.ShouldBe("replay");
    }
}
