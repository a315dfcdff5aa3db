using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using static Claims.Domain.Reconciliation.FindingKind;

namespace Claims.Tests.Rules;

/// <summary>
/// Every row of the findings table (spec section 3) and its edges, on the pure rules. The call's parties are CN
/// and US unless a test names others; a source's standing follows from its kind and side.
/// </summary>
public class FindingRulesTests
{
    private static readonly DateTimeOffset T = new(2025, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An account; its id is "{source}-{kind}".</summary>
    private static AccountFacts Account(string source, string side, string kind = "readout", string sourceKind = "government", int hours = 0) =>
        new($"{source}-{kind}", source, side, sourceKind, kind, T.AddHours(hours));

    private static int _claims;

    /// <summary>A claim in the source's readout unless another account kind is named.</summary>
    private static ClaimFacts Claim(string source, string stance = "asserted", string topic = "taiwan", Facet? facet = null, string kind = "readout") =>
        new($"c{Interlocked.Increment(ref _claims)}", $"{source}-{kind}", source, topic, stance, facet);

    private static CallFindings Reconcile(IEnumerable<AccountFacts> accounts, IEnumerable<ClaimFacts> claims, params string[] parties) =>
        Reconciler.Reconcile(parties.Length > 0 ? parties : ["CN", "US"], accounts, claims);

    private static TopicVerdict Decide(IEnumerable<AccountFacts> accounts, params ClaimFacts[] claims) =>
        Reconcile(accounts, claims).Topics.Single();

    private static string[] Kinds(TopicVerdict v) => v.Findings.Select(f => f.Kind).ToArray();

    // --- contradicted

    [Fact]
    public void contradicted_when_a_party_asserts_and_another_source_denies()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn"), Claim("us", "denied"));
        v.Findings[0].ShouldBe(Finding.Contradicted(["cn"], ["us"]), new FindingComparer());
        v.Verdict.ShouldBe(Contradicted);
        v.IsDiscrepancy.ShouldBeTrue();
    }

    [Fact]
    public void contradicted_when_an_independent_denies_what_a_party_asserts()
    {
        var v = Decide([Account("cn", "CN"), Account("paper", "XX", "report", "media")], Claim("cn"), Claim("paper", "denied", kind: "report"));
        Kinds(v).ShouldBe([Contradicted]);
        v.Findings[0].Asserting.ShouldBe(["cn"]);
        v.Findings[0].Denying.ShouldBe(["paper"]);
    }

    [Fact]
    public void not_contradicted_when_no_party_source_takes_part()
    {
        var v = Decide([Account("jp", "JP", "statement"), Account("paper", "XX", "report", "media")],
            Claim("jp", kind: "statement"), Claim("paper", "denied", kind: "report"));
        Kinds(v).ShouldBe([Unconfirmed]);
        v.Findings[0].Sources.ShouldBe(["jp", "paper"]);
    }

    [Fact]
    public void the_same_party_source_asserting_and_denying_contradicts_itself()
    {
        var v = Decide([Account("cn", "CN")], Claim("cn"), Claim("cn", "denied"));
        v.Verdict.ShouldBe(Contradicted);
        v.Findings[0].Asserting.ShouldBe(["cn"]);
        v.Findings[0].Denying.ShouldBe(["cn"]);
    }

    // --- omitted

    [Fact]
    public void omitted_once_per_silent_party_side_naming_its_readouts_sources()
    {
        var v = Decide([Account("cn", "CN"), Account("trump", "US", sourceKind: "leader"), Account("white-house", "US")], Claim("cn"));
        v.Findings.ShouldHaveSingleItem().ShouldBe(Finding.Omitted("US", ["trump", "white-house"]), new FindingComparer());
        v.Silent.ShouldBe(["trump", "white-house"]);
    }

    [Fact]
    public void omitted_by_each_of_two_silent_sides_at_a_summit()
    {
        var accounts = new[] { Account("de", "DE"), Account("fr", "FR"), Account("pl", "PL") };
        var v = Reconcile(accounts, [Claim("de")], "DE", "FR", "PL").Topics.Single();
        v.Findings.Select(f => (f.Kind, f.Side)).ShouldBe([(Omitted, "FR"), (Omitted, "PL")]);
    }

    [Fact]
    public void same_side_silence_is_no_finding()
    {
        // Trump's post has soybeans, the White House's remarks do not: shown in the matrix, but no finding.
        var v = Decide([Account("trump", "US", sourceKind: "leader"), Account("white-house", "US"), Account("cn", "CN")],
            Claim("trump", topic: "soybeans"), Claim("cn", topic: "soybeans"));
        Kinds(v).ShouldBe([Corroborated]);
        v.Silent.ShouldBe(["white-house"]);
    }

    [Fact]
    public void a_side_is_silent_only_when_all_its_readouts_are()
    {
        var v = Decide([Account("cn", "CN"), Account("trump", "US", sourceKind: "leader"), Account("white-house", "US")],
            Claim("cn"), Claim("trump"));
        Kinds(v).ShouldBe([Corroborated]);
    }

    [Fact]
    public void an_interview_does_not_fill_a_readouts_silence_but_corroborates()
    {
        // Beijing's readout has Taiwan; the US readouts do not; Bessent speaks to it on CNBC the next day.
        var v = Decide([Account("cn", "CN"), Account("white-house", "US"), Account("bessent", "US", "interview", "official", 20)],
            Claim("cn"), Claim("bessent", kind: "interview"));
        Kinds(v).ShouldBe([Omitted, Corroborated]);
        v.Findings[0].ShouldBe(Finding.Omitted("US", ["white-house"]), new FindingComparer());
        v.Findings[1].ShouldBe(Finding.Corroborated(["CN", "US"], ["bessent", "cn"]), new FindingComparer());
        v.Silent.ShouldBe(["white-house"]);
    }

    [Fact]
    public void an_assertion_outside_a_readout_makes_no_omission()
    {
        var v = Decide([Account("cn", "CN"), Account("cn-spokesman", "CN", "briefing"), Account("us", "US")],
            Claim("cn-spokesman", kind: "briefing"));
        Kinds(v).ShouldBe([OneSided]);
        v.Silent.ShouldBe(["cn", "us"]);
    }

    [Fact]
    public void a_denial_in_a_readout_makes_no_omission()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn", "denied"));
        Kinds(v).ShouldBe([Denied]);
        v.Findings[0].Sources.ShouldBe(["cn"]);
    }

    [Fact]
    public void a_side_with_no_readout_is_not_silent_but_in_no_readout()
    {
        var found = Reconcile([Account("cn", "CN"), Account("us", "US", "interview")], [Claim("cn")]);
        Kinds(found.Topics.Single()).ShouldBe([OneSided]);
        found.NoReadout.ShouldBe(["US"]);
    }

    [Fact]
    public void a_readout_by_an_independent_source_is_not_the_sides_readout()
    {
        var found = Reconcile([Account("cn", "CN"), Account("us-paper", "US", "readout", "media")], [Claim("cn")]);
        found.NoReadout.ShouldBe(["US"]);
        var v = found.Topics.Single();
        Kinds(v).ShouldBe([OneSided]);
        v.Silent.ShouldBeEmpty();   // independent sources are never silent
    }

    [Fact]
    public void a_readout_by_a_third_party_is_never_silent_and_never_omits()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US"), Account("jp", "JP")], Claim("cn"), Claim("us"));
        Kinds(v).ShouldBe([Corroborated]);
        v.Silent.ShouldBeEmpty();
    }

    // --- divergent

    [Fact]
    public void divergent_per_facet_key_with_the_values_given()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")],
            Claim("cn", facet: new("duration-minutes", "90")), Claim("us", facet: new("duration-minutes", " 60 ")));
        Kinds(v).ShouldBe([Divergent, Corroborated]);
        var d = v.Findings[0];
        d.Facet.ShouldBe("duration-minutes");
        d.Values.ShouldBe([new FindingValue("cn", "90"), new FindingValue("us", "60")]);
        d.Sources.ShouldBe(["cn", "us"]);
    }

    [Fact]
    public void values_are_compared_trimmed_and_case_insensitively()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")],
            Claim("cn", facet: new("policy", "Unchanged")), Claim("us", facet: new("policy", " unchanged ")));
        Kinds(v).ShouldBe([Corroborated]);
    }

    [Fact]
    public void one_source_giving_two_values_alone_is_not_divergent()
    {
        var v = Decide([Account("cn", "CN")], Claim("cn", facet: new("k", "1")), Claim("cn", facet: new("k", "2")));
        Kinds(v).ShouldBe([OneSided]);
    }

    [Fact]
    public void independent_sources_can_diverge()
    {
        var v = Decide([Account("cn", "CN"), Account("paper", "XX", "report", "media")],
            Claim("cn", facet: new("minutes", "60")), Claim("paper", facet: new("minutes", "90"), kind: "report"));
        Kinds(v).ShouldBe([Divergent]);
    }

    [Fact]
    public void a_claim_without_the_key_and_a_denied_claim_take_no_part()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US"), Account("us2", "US", "statement")],
            Claim("cn", facet: new("k", "1")), Claim("us"), Claim("us2", "denied", facet: new("k", "2"), kind: "statement"));
        Kinds(v).ShouldBe([Contradicted, Corroborated]);
        v.Facets.Single().Values.Count.ShouldBe(1);
    }

    [Fact]
    public void omitted_and_divergent_both_hold()
    {
        var accounts = new[] { Account("cn", "CN"), Account("us", "US"), Account("jp", "JP"), Account("us-min", "US", "interview") };
        var v = Reconcile(accounts, [Claim("cn", facet: new("k", "60")), Claim("us-min", facet: new("k", "90"), kind: "interview")],
            "CN", "US", "JP").Topics.Single();
        Kinds(v).ShouldBe([Omitted, Omitted, Divergent, Corroborated]);
        v.Findings.Where(f => f.Kind == Omitted).Select(f => f.Side).ShouldBe(["JP", "US"]);
        v.Verdict.ShouldBe(Omitted);
    }

    // --- corroborated, unconfirmed, denied, one-sided

    [Fact]
    public void corroborated_by_party_sources_of_two_sides_and_independents_do_not_count()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US"), Account("paper", "XX", "report", "media")],
            Claim("cn"), Claim("us"), Claim("paper", kind: "report"));
        v.Findings.ShouldHaveSingleItem().ShouldBe(Finding.Corroborated(["CN", "US"], ["cn", "us"]), new FindingComparer());
        v.Asserting.ShouldBe(["cn", "paper", "us"]);
    }

    [Fact]
    public void an_independent_of_the_other_side_does_not_corroborate()
    {
        var v = Decide([Account("cn", "CN"), Account("wu", "CN", "interview", "analyst"), Account("us-paper", "US", "report", "media")],
            Claim("cn"), Claim("us-paper", kind: "report"), Claim("wu", kind: "interview"));
        Kinds(v).ShouldBe([OneSided]);
        v.Findings[0].Sources.ShouldBe(["cn"]);
        v.Findings[0].Side.ShouldBe("CN");
    }

    [Fact]
    public void unconfirmed_when_only_a_third_party_speaks()
    {
        // Japan's prime minister on the Xi–Trump call: an official voice, but of a side that did not take part.
        var v = Decide([Account("takaichi", "JP", "briefing", "leader"), Account("cn", "CN")], Claim("takaichi", kind: "briefing"));
        v.Findings.ShouldHaveSingleItem().ShouldBe(Finding.Unconfirmed(["takaichi"]), new FindingComparer());
        v.Silent.ShouldBe(["cn"]);   // the CN readout says nothing of it, but no party asserts it: no omission
        Reconcile([Account("takaichi", "JP", "briefing", "leader"), Account("cn", "CN")], [Claim("takaichi", kind: "briefing")])
            .NoReadout.ShouldBe(["US"]);
    }

    [Fact]
    public void unconfirmed_when_only_analysts_and_media_speak()
    {
        var v = Decide([Account("wu", "CN", "interview", "analyst"), Account("paper", "XX", "report", "media")],
            Claim("wu", kind: "interview"), Claim("paper", kind: "report"));
        Kinds(v).ShouldBe([Unconfirmed]);
        v.Findings[0].Sources.ShouldBe(["paper", "wu"]);
    }

    [Fact]
    public void a_denial_by_an_independent_alone_is_unconfirmed_and_denied()
    {
        var v = Decide([Account("cn", "CN"), Account("paper", "XX", "report", "media")], Claim("paper", "denied", kind: "report"));
        Kinds(v).ShouldBe([Unconfirmed, Denied]);
        v.Verdict.ShouldBe(Unconfirmed);
        v.Findings[1].Sources.ShouldBe(["paper"]);
    }

    [Fact]
    public void denied_when_nobody_asserts_and_a_party_denies()
    {
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("us", "denied"));
        Kinds(v).ShouldBe([Denied]);
        v.Silent.ShouldBe(["cn"]);
        v.IsDiscrepancy.ShouldBeFalse();
    }

    [Fact]
    public void one_sided_when_only_one_sides_party_sources_assert()
    {
        var v = Decide([Account("cn", "CN"), Account("xinhua", "CN", "report", "state-media")], Claim("cn"), Claim("xinhua", kind: "report"));
        v.Findings.ShouldHaveSingleItem().ShouldBe(Finding.OneSided("CN", ["cn", "xinhua"]), new FindingComparer());
    }

    [Fact]
    public void unnamed_officials_speak_for_their_side()
    {
        var v = Decide([Account("cn", "CN"), Account("us-unnamed", "US", "report", "unnamed-official")],
            Claim("cn"), Claim("us-unnamed", kind: "report"));
        Kinds(v).ShouldBe([Corroborated]);
    }

    // --- the call as a whole

    [Fact]
    public void topics_are_ranked_discrepancies_first_then_by_party_sources_speaking()
    {
        var accounts = new[] { Account("cn", "CN"), Account("us", "US"), Account("us2", "US", "interview"), Account("paper", "XX", "report", "media") };
        var found = Reconcile(accounts,
        [
            Claim("us", topic: "call-duration"),                         // omitted by CN, one party source
            Claim("cn", topic: "taiwan"), Claim("us2", topic: "taiwan", kind: "interview"), // omitted by US and corroborated, two
            Claim("cn", topic: "trade"), Claim("us", topic: "trade"), Claim("us2", topic: "trade", kind: "interview"), // corroborated, three
            Claim("paper", topic: "japan", kind: "report"),              // unconfirmed, none
        ]);
        found.Topics.Select(t => t.Topic).ShouldBe(["taiwan", "call-duration", "trade", "japan"]);
        found.Topics.Select(t => t.PartySpeakers).ShouldBe([2, 1, 3, 0]);
    }

    [Fact]
    public void every_topic_has_a_finding_and_the_verdict_is_the_first()
    {
        var accounts = new[] { Account("cn", "CN"), Account("us", "US"), Account("jp", "JP", "statement"), Account("paper", "XX", "report", "media") };
        string[] sources = ["cn", "us", "jp", "paper"];
        string[] kinds = ["readout", "readout", "statement", "report"];
        // Every combination of who asserts or denies among four sources of each standing.
        for (var mask = 1; mask < 81; mask++)
        {
            var claims = new List<ClaimFacts>();
            for (int i = 0, m = mask; i < 4; i++, m /= 3)
                if (m % 3 > 0) claims.Add(Claim(sources[i], m % 3 == 1 ? "asserted" : "denied", kind: kinds[i]));
            var v = Decide(accounts, [.. claims]);
            v.Findings.ShouldNotBeEmpty();
            v.Verdict.ShouldBe(v.Findings[0].Kind);
            v.Findings.Select(f => FindingKind.Rank(f.Kind)).ShouldBeInOrder();
        }
    }

    [Fact]
    public void no_readout_lists_party_sides_in_the_participants_order()
    {
        Reconcile([Account("jp", "JP")], [], "US", "CN", "JP").NoReadout.ShouldBe(["US", "CN"]);
    }

    [Fact]
    public void a_claim_counts_for_its_accounts_source_whoever_speaks()
    {
        // Beijing's readout saying "Trump said…" is Beijing's claim.
        var v = Decide([Account("cn", "CN"), Account("us", "US")], Claim("cn") with { });
        v.Asserting.ShouldBe(["cn"]);
        Kinds(v).ShouldBe([Omitted]);
    }

    [Fact]
    public void only_contradicted_omitted_and_divergent_are_discrepancies()
    {
        FindingKind.All.Where(FindingKind.IsDiscrepancy).ShouldBe([Contradicted, Omitted, Divergent]);
    }
}

/// <summary>Findings compared by value, lists item by item.</summary>
public sealed class FindingComparer : IEqualityComparer<Finding>
{
    public bool Equals(Finding? a, Finding? b) => a is not null && b is not null && Key(a) == Key(b);
    public int GetHashCode(Finding f) => Key(f).GetHashCode();
    private static string Key(Finding f) => System.Text.Json.JsonSerializer.Serialize(f);
}
