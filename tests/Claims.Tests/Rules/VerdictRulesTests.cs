using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;

namespace Claims.Tests.Rules;

/// <summary>Every row of the verdict table (spec section 3) and its edge cases, on the pure rules.</summary>
public class VerdictRulesTests
{
    private static readonly DateTimeOffset T = new(2025, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static AccountFacts Account(string source, string side, string kind = "readout", string? id = null) =>
        new(id ?? source + "-" + kind, source, side, kind, T);

    private static ClaimFacts Claim(string source, string side, string stance = "asserted", string topic = "taiwan", Facet? facet = null, string? account = null) =>
        new($"{source}-{stance}-{topic}-{facet?.Value}", account ?? source + "-readout", source, side, topic, stance, facet);

    private static TopicVerdict Decide(IEnumerable<AccountFacts> accounts, params ClaimFacts[] claims) =>
        Reconciler.Reconcile(accounts, claims).Single();

    [Fact]
    public void contradicted_when_one_source_asserts_and_another_denies()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn", "CN"), Claim("us", "US", "denied"));
        v.Verdict.ShouldBe(Verdict.Contradicted);
        v.Asserting.ShouldBe(["cn"]);
        v.Denying.ShouldBe(["us"]);
        v.Silent.ShouldBeEmpty();
        v.IsDiscrepancy.ShouldBeTrue();
    }

    [Fact]
    public void contradicted_when_the_same_source_both_asserts_and_denies()
    {
        var v = Decide([Account("cn", "CN")], Claim("cn", "CN"), Claim("cn", "CN", "denied"));
        v.Verdict.ShouldBe(Verdict.Contradicted);
        v.Asserting.ShouldBe(["cn"]);
        v.Denying.ShouldBe(["cn"]);
    }

    [Fact]
    public void contradicted_outranks_omitted()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US"), Account("jp", "JP")], Claim("cn", "CN"), Claim("us", "US", "denied"));
        v.Verdict.ShouldBe(Verdict.Contradicted);
        v.Silent.ShouldBe(["jp"]);
    }

    [Fact]
    public void omitted_when_someone_asserts_and_a_readout_is_silent()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn", "CN"));
        v.Verdict.ShouldBe(Verdict.Omitted);
        v.Silent.ShouldBe(["us"]);
    }

    [Fact]
    public void only_readouts_can_be_silent()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US", "interview"), Account("jp", "JP", "statement")], Claim("cn", "CN"));
        v.Verdict.ShouldBe(Verdict.SingleSided);
        v.Silent.ShouldBeEmpty();
    }

    [Fact]
    public void a_source_that_speaks_to_the_topic_in_another_account_is_not_silent()
    {
        var accounts = new[] { Account("cn", "CN"), Account("us", "US"), Account("us", "US", "interview") };
        var v = Decide(accounts, Claim("cn", "CN"), Claim("us", "US", account: "us-interview"));
        v.Verdict.ShouldBe(Verdict.Corroborated);
        v.Silent.ShouldBeEmpty();
    }

    [Fact]
    public void omitted_outranks_divergent()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US"), Account("jp", "JP")],
            Claim("cn", "CN", facet: new("minutes", "60")), Claim("us", "US", facet: new("minutes", "90")));
        v.Verdict.ShouldBe(Verdict.Omitted);
        v.Facets.Single().Differs.ShouldBeTrue();
    }

    [Fact]
    public void divergent_when_two_asserting_sources_give_different_values_for_one_facet_key()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")],
            Claim("cn", "CN", facet: new("duration-minutes", "60")), Claim("us", "US", facet: new("duration-minutes", "90")));
        v.Verdict.ShouldBe(Verdict.Divergent);
        var facet = v.Facets.Single();
        facet.Key.ShouldBe("duration-minutes");
        facet.Values.Select(x => (x.Source, x.Value)).ShouldBe([("cn", "60"), ("us", "90")]);
    }

    [Fact]
    public void divergent_between_sources_of_one_side()
    {
        var v = Decide([Account("a", "US", "statement"), Account("b", "US", "interview")],
            Claim("a", "US", facet: new("k", "x"), account: "a-statement"), Claim("b", "US", facet: new("k", "y"), account: "b-interview"));
        v.Verdict.ShouldBe(Verdict.Divergent);
    }

    [Fact]
    public void a_facet_on_one_side_only_is_not_divergent()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn", "CN", facet: new("minutes", "60")), Claim("us", "US"));
        v.Verdict.ShouldBe(Verdict.Corroborated);
        v.Facets.Single().Differs.ShouldBeFalse();
    }

    [Fact]
    public void the_same_facet_value_is_not_divergent_even_in_other_case_or_spacing()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")],
            Claim("cn", "CN", facet: new("policy", "Unchanged")), Claim("us", "US", facet: new("policy", " unchanged ")));
        v.Verdict.ShouldBe(Verdict.Corroborated);
    }

    [Fact]
    public void different_keys_do_not_diverge()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")],
            Claim("cn", "CN", facet: new("a", "1")), Claim("us", "US", facet: new("b", "2")));
        v.Verdict.ShouldBe(Verdict.Corroborated);
    }

    [Fact]
    public void one_source_giving_two_values_alone_is_not_divergent()
    {
        var v = Decide([Account("cn", "CN")],
            Claim("cn", "CN", facet: new("k", "1")), Claim("cn", "CN", facet: new("k", "2")));
        v.Verdict.ShouldBe(Verdict.SingleSided);
    }

    [Fact]
    public void facets_of_denied_claims_do_not_count()
    {
        var v = Decide([Account("cn", "CN", "statement"), Account("us", "US", "statement")],
            Claim("cn", "CN", facet: new("k", "1"), account: "cn-statement"),
            Claim("us", "US", "denied", facet: new("k", "2"), account: "us-statement"));
        v.Verdict.ShouldBe(Verdict.Contradicted);
        v.Facets.Single().Values.Count.ShouldBe(1);
    }

    [Fact]
    public void corroborated_when_asserting_sources_span_two_sides()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn", "CN"), Claim("us", "US"));
        v.Verdict.ShouldBe(Verdict.Corroborated);
        v.Asserting.ShouldBe(["cn", "us"]);
        v.IsDiscrepancy.ShouldBeFalse();
    }

    [Fact]
    public void denied_when_nobody_asserts_and_someone_denies_even_with_a_silent_readout()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("us", "US", "denied"));
        v.Verdict.ShouldBe(Verdict.Denied);
        v.Silent.ShouldBe(["cn"]);
        v.IsDiscrepancy.ShouldBeFalse();
    }

    [Fact]
    public void single_sided_when_every_asserting_source_is_of_one_side()
    {
        var v = Decide([Account("cn", "CN"), Account("xinhua", "CN", "report")], Claim("cn", "CN"), Claim("xinhua", "CN", account: "xinhua-report"));
        v.Verdict.ShouldBe(Verdict.SingleSided);
        v.Asserting.ShouldBe(["cn", "xinhua"]);
    }

    [Fact]
    public void the_asserting_readout_is_not_silent_on_its_own_topic()
    {
        var v = Decide([Account("cn", "CN")], Claim("cn", "CN"));
        v.Verdict.ShouldBe(Verdict.SingleSided);
        v.Silent.ShouldBeEmpty();
    }

    [Fact]
    public void with_no_readout_nobody_is_silent()
    {
        var v = Decide([Account("a", "US", "interview"), Account("b", "CN", "report")],
            Claim("a", "US", account: "a-interview"));
        v.Silent.ShouldBeEmpty();
        v.Verdict.ShouldBe(Verdict.SingleSided);
    }

    [Fact]
    public void topics_are_reconciled_separately_and_discrepancies_come_first()
    {
        var verdicts = Reconciler.Reconcile([Account("cn", "CN"), Account("us", "US")],
            [Claim("cn", "CN", topic: "taiwan"), Claim("cn", "CN", topic: "trade"), Claim("us", "US", topic: "trade")]);
        verdicts.Select(v => (v.Topic, v.Verdict)).ShouldBe([("taiwan", Verdict.Omitted), ("trade", Verdict.Corroborated)]);
    }

    [Fact]
    public void lists_are_sorted_and_hold_each_source_once()
    {
        var v = Decide([Account("z", "US"), Account("a", "CN")],
            Claim("z", "US"), Claim("a", "CN"), Claim("z", "US", facet: new("k", "1")));
        v.Asserting.ShouldBe(["a", "z"]);
    }

    [Fact]
    public void only_contradicted_omitted_and_divergent_are_discrepancies()
    {
        Verdict.All.Where(Verdict.IsDiscrepancy).ShouldBe([Verdict.Contradicted, Verdict.Omitted, Verdict.Divergent]);
    }
}
