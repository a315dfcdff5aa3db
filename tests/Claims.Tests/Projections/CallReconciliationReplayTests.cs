using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;

namespace Claims.Tests.Projections;

/// <summary>The call projections replayed from lists of events, with no database.</summary>
public class CallReconciliationReplayTests
{
    private readonly Given _call = new("test-call");

    private CallReconciliation Project(params object[] events) =>
        Replay.Project(new CallReconciliationProjection(), _call.CallId, events)!;

    [Fact]
    public void taiwan_asserted_by_one_readout_is_omitted_by_the_other()
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
        var taiwan = view.Topics.Single(t => t.Topic == "taiwan");
        taiwan.Verdict.ShouldBe(Verdict.Omitted);
        taiwan.Asserting.ShouldBe(["cn-mfa"]);
        taiwan.Silent.ShouldBe(["white-house"]);
        view.Claims.Single(c => c.Id == "cn-taiwan").RecordedBy.ShouldBe("replay");
    }

    [Fact]
    public void a_retracted_claim_no_longer_counts()
    {
        var view = Project(
            _call.Registered(),
            _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US"),
            _call.Claim("cn-taiwan", "cn-readout", "taiwan"),
            _call.Claim("us-taiwan", "us-readout", "taiwan", "denied"),
            _call.Retract("us-taiwan"));

        var taiwan = view.Topics.Single();
        taiwan.Verdict.ShouldBe(Verdict.Omitted);       // the White House readout is silent again
        taiwan.Denying.ShouldBeEmpty();
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

        view.Topics.Select(t => (t.Topic, t.Verdict)).ShouldBe([("taiwan", Verdict.Contradicted)]);
        var claim = view.Claim("us-1")!;
        claim.Version.ShouldBe(2);
        claim.Original.ShouldNotBeNull().Topic.ShouldBe("trade");
        claim.Content.Topic.ShouldBe("taiwan");
        view.Claim("cn-1")!.Original.ShouldBeNull();   // never corrected: its content is its original
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
        Project(events).Topics.Single().Verdict.ShouldBe(Verdict.Divergent);
        Project([.. events, _call.Correct("us-1", "duration", facet: facet("60"))]).Topics.Single().Verdict.ShouldBe(Verdict.Corroborated);
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

        var early = ReconciliationView.From(view, publishedAsOf: Given.Noon.AddHours(1));
        early.Topics.Select(t => (t.Topic, t.Verdict)).ShouldBe([("taiwan", Verdict.SingleSided)]);
        early.Accounts.Select(a => a.Id).ShouldBe(["cn-readout"]);

        var later = ReconciliationView.From(view, publishedAsOf: Given.Noon.AddHours(3));
        later.Topics.Single(t => t.Topic == "taiwan").Verdict.ShouldBe(Verdict.Omitted);
        later.AsOf!.PublishedAsOf.ShouldBe(Given.Noon.AddHours(3));
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
        summary.Topics.ShouldBe(["taiwan", "trade"]);
        summary.Sources.ShouldBe(["cn-mfa", "white-house"]);
        summary.FirstPublishedAt.ShouldBe(Given.Noon);
        summary.LastPublishedAt.ShouldBe(Given.Noon.AddHours(2));
    }
}
