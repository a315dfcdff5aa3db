using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using static Claims.Domain.Reconciliation.FindingKind;

namespace Claims.Tests.Projections;

/// <summary>The call projections replayed from lists of events, with no database.</summary>
public class CallReconciliationReplayTests
{
    private readonly Given _call = new("test-call");

    private CallReconciliation Project(params object[] events) =>
        Replay.Project(new CallReconciliationProjection(), _call.CallId, events)!;

    private static string[] Kinds(TopicVerdict v) => v.Findings.Select(f => f.Kind).ToArray();

    [Fact]
    public void taiwan_asserted_by_one_readout_is_omitted_by_the_other_side()
    {
        var view = Project(
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US", hoursAfterNoon: 2),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
            _call.Claim("us-trade", "us-readout", "trade"));

        view.Id.ShouldBe("test-call");
        view.Version.ShouldBe(5);
        view.ClaimCount.ShouldBe(2);
        view.DiscrepancyCount.ShouldBe(2);
        view.NoReadout.ShouldBeEmpty();
        var taiwan = view.Topics.Single(t => t.Topic == "taiwan");
        taiwan.Verdict.ShouldBe(Omitted);
        taiwan.Findings.Single().Side.ShouldBe("US");
        taiwan.Asserting.ShouldBe(["cn-mfa"]);
        taiwan.Silent.ShouldBe(["white-house"]);
        view.Claims.Single(c => c.Id == "cn-taiwan").RecordedBy.ShouldBe("replay");
    }

    [Fact]
    public void a_retraction_that_removes_a_sides_only_claim_makes_it_silent_again()
    {
        var view = Project(
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US"),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
            _call.Claim("us-taiwan", "us-readout", "taiwan"),
            _call.Retract("us-taiwan"));

        var taiwan = view.Topics.Single();
        Kinds(taiwan).ShouldBe([Omitted]);       // was corroborated; the White House readout is silent again
        taiwan.Asserting.ShouldBe(["cn-mfa"]);
        view.ClaimCount.ShouldBe(1);
        var retracted = view.Claim("us-taiwan")!;
        retracted.Retracted.ShouldBeTrue();
        retracted.Version.ShouldBe(2);
    }

    [Fact]
    public void a_topic_whose_only_claim_is_retracted_disappears()
    {
        var view = Project(_call.Registered(), _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Claim("c1", "cn-readout", "taiwan"), _call.Retract("c1"));
        view.Topics.ShouldBeEmpty();
        view.DiscrepancyCount.ShouldBe(0);
        view.NoReadout.ShouldBe(["US"]);
    }

    [Fact]
    public void a_correction_moves_a_claim_and_keeps_its_original()
    {
        var view = Project(
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US"),
            _call.Claim("cn-1", "cn-readout", "taiwan"),
            _call.Claim("us-1", "us-readout", "trade"),
            _call.Correct("us-1", "taiwan", "denied"));

        view.Topics.Select(t => (t.Topic, t.Verdict)).ShouldBe([("taiwan", Contradicted)]);
        var claim = view.Claim("us-1")!;
        claim.Version.ShouldBe(2);
        claim.Original.ShouldNotBeNull().Topic.ShouldBe("trade");
        claim.Content.Topic.ShouldBe("taiwan");
        view.Claim("cn-1")!.Original.ShouldBeNull();   // never corrected: its content is its original
        view.TopicsEverSeen.ShouldBe(["taiwan", "trade"]);
    }

    [Fact]
    public void a_correction_that_changes_a_facet_makes_sources_agree()
    {
        var facet = (string v) => new Facet("duration-minutes", v);
        object[] events =
        [
            _call.Registered(),
            _call.Account("cn", "cn-mfa", "CN", "statement"),
            _call.Account("us", "white-house", "US", "statement"),
            _call.Claim("cn-1", "cn", "duration", facet: facet("60")),
            _call.Claim("us-1", "us", "duration", facet: facet("90")),
        ];
        Kinds(Project(events).Topics.Single()).ShouldBe([Divergent, Corroborated]);
        Kinds(Project([.. events, _call.Correct("us-1", "duration", facet: facet("60"))]).Topics.Single()).ShouldBe([Corroborated]);
    }

    [Fact]
    public void published_as_of_counts_only_accounts_published_by_then()
    {
        var view = Project(
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US", hoursAfterNoon: 3),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
            _call.Claim("us-trade", "us-readout", "trade"));

        // Before the US readout: no US readout yet, so the US is not silent and nothing is omitted.
        var early = ReconciliationView.From(view, publishedAsOf: Given.Noon.AddHours(1));
        early.Topics.Select(t => (t.Topic, t.Verdict)).ShouldBe([("taiwan", OneSided)]);
        early.Accounts.Select(a => a.Id).ShouldBe(["cn-readout"]);
        early.NoReadout.ShouldBe(["US"]);

        var later = ReconciliationView.From(view, publishedAsOf: Given.Noon.AddHours(3));
        later.Topics.Single(t => t.Topic == "taiwan").Verdict.ShouldBe(Omitted);
        later.NoReadout.ShouldBeEmpty();
        later.AsOf!.PublishedAsOf.ShouldBe(Given.Noon.AddHours(3));
    }

    [Fact]
    public void steps_give_a_separate_view_after_each_event()
    {
        var steps = Replay.Steps(new CallReconciliationProjection(), _call.CallId,
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
            _call.Account("us-readout", "white-house", "US", hoursAfterNoon: 3),
            _call.Claim("us-taiwan", "us-readout", "taiwan", "denied"));

        steps.Select(s => s!.Version).ShouldBe([1, 2, 3, 4, 5]);
        steps.Select(s => s!.Topics.SingleOrDefault()?.Verdict).ShouldBe([null, null, OneSided, Omitted, Contradicted]);
        steps.Select(s => string.Join(",", s!.NoReadout)).ShouldBe(["CN,US", "US", "US", "", ""]);
    }

    [Fact]
    public void standing_follows_the_calls_parties_and_the_sources_kind()
    {
        var call = new Given("standing-call", "CN", "US");
        var view = Replay.Project(new CallReconciliationProjection(), call.CallId,
            call.Registered(),
            call.Account("cn-readout", "cn-mfa", "CN"),
            call.Account("takaichi-remarks", "takaichi", "JP", "briefing", sourceKind: "leader", offsetHours: 9),
            call.Account("wu-interview", "wu-xinbo", "CN", "interview", sourceKind: "analyst"),
            call.Claim("c1", "cn-readout", "taiwan"),
            call.Claim("c2", "takaichi-remarks", "us-japan-alliance"),
            call.Claim("c3", "wu-interview", "taiwan"))!;

        ReconciliationView.From(view).Sources.Select(s => (s.Id, s.Standing))
            .ShouldBe([("cn-mfa", Standing.Party), ("takaichi", Standing.ThirdParty), ("wu-xinbo", Standing.Independent)]);
        view.Topics.Single(t => t.Topic == "us-japan-alliance").Verdict.ShouldBe(Unconfirmed);
        view.Accounts.Single(a => a.Id == "takaichi-remarks").PublishedAt.Offset.ShouldBe(TimeSpan.FromHours(9));
    }

    [Fact]
    public void relations_show_on_both_claims()
    {
        var view = Project(
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-interview", "bessent", "US", "interview", sourceKind: "official"),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
            _call.Claim("us-taiwan", "us-interview", "taiwan", relations: new ClaimRelation("test-call/cn-taiwan", "responds-to")));

        var claims = ReconciliationView.From(view).Topics.Single().Claims.ToDictionary(c => c.Id);
        claims["us-taiwan"].Relations.ShouldBe([new RelationView("test-call/cn-taiwan", "responds-to", RelationView.Outgoing)]);
        claims["cn-taiwan"].Relations.ShouldBe([new RelationView("test-call/us-taiwan", "responds-to", RelationView.Incoming)]);
    }

    [Fact]
    public void the_call_summary_counts_what_the_reconciliation_shows()
    {
        object[] events =
        [
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US", hoursAfterNoon: 2),
            _call.Claim("c1", "cn-readout", "taiwan"),
            _call.Claim("c2", "us-readout", "trade"),
            _call.Claim("c3", "cn-readout", "trade"),
            _call.Claim("c4", "cn-readout", "ukraine"),
            _call.Retract("c4"),
        ];
        var summary = Replay.Project(new CallSummaryProjection(), _call.CallId, events)!;
        var view = Project(events);

        summary.ClaimCount.ShouldBe(view.ClaimCount);
        summary.DiscrepancyCount.ShouldBe(view.DiscrepancyCount);
        summary.ClaimCount.ShouldBe(3);
        summary.DiscrepancyCount.ShouldBe(1);
        summary.Verdicts.ShouldBe(new Dictionary<string, int> { ["omitted"] = 1, ["corroborated"] = 1 });
        summary.Findings.ShouldBe(new Dictionary<string, int> { ["omitted"] = 1, ["corroborated"] = 1 });
        summary.Topics.ShouldBe(["taiwan", "trade"]);
        summary.Sources.ShouldBe(["cn-mfa", "white-house"]);
        summary.FirstPublishedAt.ShouldBe(Given.Noon);
        summary.LastPublishedAt.ShouldBe(Given.Noon.AddHours(2));
    }
}
