using Claims.Domain.Calls;
using Claims.Domain.Changes;
using Claims.Domain.Reconciliation;
using Claims.Domain.Search;

namespace Claims.Tests.Projections;

/// <summary>
/// A readout revised after the fact, replayed from events alone: both versions kept, the view before the revision
/// showing the old text, and the claim whose words the revision took out flagged.
/// </summary>
public class RevisionReplayTests
{
    private static readonly Given Call = new("rev-replay");
    private static readonly DateTimeOffset RevisedAt = Given.Noon.AddDays(1);

    private static AccountText Text(string original) => new(original, false, [], Claims.Domain.Texts.TextAnchor.Sha256(original));

    private static readonly AccountText First = Text("Both sides discussed trade. The US side understands the importance of the Taiwan question.");
    private static readonly AccountText Second = Text("Both sides discussed trade.");

    private static object[] Events(bool revised) =>
    [
        Call.Registered(),
        Call.Account("us-readout", "white-house", "US", text: First),
        Call.Account("cn-readout", "cn-mfa", "CN"),
        Call.Claim("us-trade", "us-readout", "trade", quote: new Quote("discussed trade", "en", null)),
        Call.Claim("us-taiwan", "us-readout", "taiwan", quote: new Quote("understands the importance of the Taiwan question", "en", null)),
        Call.Claim("cn-taiwan", "cn-readout", "taiwan"),
        .. revised ? new object[] { new AccountTextRevised(Call.CallId, "us-readout", Second, RevisedAt, null, "The sentence on Taiwan was removed.") } : []
    ];

    private static CallReconciliation State(bool revised = true) =>
        Replay.Project(new CallReconciliationProjection(), Call.CallId, Events(revised))!;

    private static ClaimView Claim(ReconciliationView view, string id) => view.Topics.SelectMany(t => t.Claims).Single(c => c.Id == id);

    [Fact]
    public void both_versions_are_kept_with_the_reason_and_when_the_source_changed_it()
    {
        var versions = State().Account("us-readout")!.TextVersions();
        versions.Select(v => v.Number).ShouldBe([1, 2]);
        versions[0].Text.ShouldBe(First);
        versions[1].Text.ShouldBe(Second);
        versions[1].Reason.ShouldBe("The sentence on Taiwan was removed.");
        versions[1].PublishedAt.ShouldBe(RevisedAt);
    }

    [Fact]
    public void the_claim_whose_words_the_revision_removed_is_flagged_and_the_others_stay_anchored()
    {
        var view = ReconciliationView.From(State());
        var orphan = Claim(view, "us-taiwan").Quote!;
        orphan.AnchoredIn.ShouldBe("us-readout");
        orphan.Range.ShouldBeNull();
        orphan.MissingSince.ShouldBe(2);
        orphan.TextVersion.ShouldBe(2);
        var kept = Claim(view, "us-trade").Quote!;
        kept.MissingSince.ShouldBeNull();
        Second.Original.Substring(kept.Range!.Start, kept.Range.Length).ShouldBe("discussed trade");
    }

    [Fact]
    public void the_view_as_published_before_the_revision_shows_the_old_text()
    {
        var view = ReconciliationView.From(State(), publishedAsOf: RevisedAt.AddMinutes(-1));
        var quote = Claim(view, "us-taiwan").Quote!;
        quote.MissingSince.ShouldBeNull();
        quote.TextVersion.ShouldBe(1);
        First.Original.Substring(quote.Range!.Start, quote.Range.Length).ShouldBe("understands the importance of the Taiwan question");
        var account = AccountDetail.From(State(), view, "us-readout", null)!;
        account.Version.ShouldBe(1);
        account.Versions.Count.ShouldBe(1);
    }

    [Fact]
    public void the_account_detail_places_each_claim_in_the_version_shown()
    {
        var state = State();
        var view = ReconciliationView.From(state);
        var now = AccountDetail.From(state, view, "us-readout", null)!;
        now.Version.ShouldBe(2);
        now.Claims.Single(c => c.Id == "us-taiwan").Range.ShouldBeNull();
        now.Claims.Single(c => c.Id == "us-taiwan").MissingSince.ShouldBe(2);
        var old = AccountDetail.From(state, view, "us-readout", 1)!;
        old.Claims.Single(c => c.Id == "us-taiwan").Range.ShouldNotBeNull();
        AccountDetail.From(state, view, "us-readout", 3).ShouldBeNull();
    }

    [Fact]
    public void the_readout_that_is_silent_on_a_topic_the_other_side_raised_says_so()
    {
        var state = State();
        var view = ReconciliationView.From(state);
        // Both readouts speak of Taiwan before the revision; the US claim stays live, so nothing is omitted.
        AccountDetail.From(state, view, "us-readout", null)!.SilentOn.ShouldBeEmpty();
        var cn = AccountDetail.From(state, view, "cn-readout", null)!;
        cn.SilentOn.Select(s => s.Topic).ShouldBe(["trade"]);
        cn.SilentOn.Single().RaisedBy.ShouldBe(["white-house"]);
    }

    [Fact]
    public void the_revision_decision_names_the_claims_it_orphans_and_refuses_a_time_before_the_current_version()
    {
        var state = State(revised: false);
        var body = System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            text = new { original = Second.Original }, reason = "removed", publishedAt = "2025-11-25T12:00:00Z"
        });
        var decision = AccountRevision.Revise(state, "us-readout", body);
        decision.Version.ShouldBe(2);
        decision.Orphaned.ShouldBe(["us-taiwan"]);

        var early = System.Text.Json.JsonSerializer.SerializeToElement(new { text = new { original = "x" }, reason = "r", publishedAt = "2025-11-24T11:00:00Z" });
        AccountRevision.Revise(state, "us-readout", early).Problems.Single().Path.ShouldBe("$.publishedAt");
        var same = System.Text.Json.JsonSerializer.SerializeToElement(new { text = new { original = First.Original }, reason = "r", publishedAt = "2025-11-25T12:00:00Z" });
        AccountRevision.Revise(state, "us-readout", same).Unchanged.ShouldBeTrue();
    }

    [Fact]
    public void search_entries_hold_every_topics_claims_and_the_account_text_as_it_stands()
    {
        var state = State();
        var entries = SearchEntry.Build(state, state.CurrentView());
        entries.Keys.Order().ShouldBe(["rev-replay/account/us-readout", "rev-replay/taiwan", "rev-replay/trade"]);
        var text = entries["rev-replay/account/us-readout"];
        text.Text.ShouldBe(Second.Original);
        text.TextVersion.ShouldBe(2);
        text.SearchText.ShouldBe("both sides discussed trade.");
        var taiwan = entries["rev-replay/taiwan"];
        taiwan.Claims!.Select(c => c.Id).Order().ShouldBe(["cn-taiwan", "us-taiwan"]);
        taiwan.Claims!.Single(c => c.Id == "us-taiwan").Quote!.MissingSince.ShouldBe(2);
        taiwan.SourceIds.ShouldBe(["cn-mfa", "white-house"]);
    }
}
