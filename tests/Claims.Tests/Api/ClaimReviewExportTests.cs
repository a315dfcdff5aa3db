using System.Net;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>GET /api/calls/{id}/claimreview against the properties Google's fact-check markup documents.</summary>
public class ClaimReviewExportTests(SampleAppFixture app) : IClassFixture<SampleAppFixture>
{
    private static readonly string[] ReviewProperties =
        ["@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished", "inLanguage"];
    private static readonly string[] RatingProperties = ["@type", "alternateName", "ratingExplanation"];
    private static readonly string[] ClaimProperties = ["@type", "author", "datePublished", "appearance"];

    [Fact]
    public async Task there_is_one_valid_review_per_discrepancy_finding()
    {
        var client = app.Client(editor: false);
        var response = await client.GetAsync("/api/calls/2025-11-24-xi-trump-call/claimreview");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        var reviews = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        var view = JsonDocument.Parse(await client.GetStringAsync("/api/calls/2025-11-24-xi-trump-call/reconciliation")).RootElement;
        var statements = view.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("claims").EnumerateArray())
            .Select(c => c.GetProperty("statement").GetString()).ToHashSet();
        reviews.Count.ShouldBe(view.GetProperty("topics").EnumerateArray().Sum(t => t.GetProperty("findings").EnumerateArray()
            .Count(f => f.GetProperty("kind").GetString() is "contradicted" or "omitted" or "divergent")));

        foreach (var review in reviews)
        {
            review.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(ReviewProperties);
            review.GetProperty("@context").GetString().ShouldBe("https://schema.org");
            review.GetProperty("@type").GetString().ShouldBe("ClaimReview");
            Uri.IsWellFormedUriString(review.GetProperty("url").GetString(), UriKind.Absolute).ShouldBeTrue();
            var summary = review.GetProperty("claimReviewed").GetString()!;
            statements.ShouldContain(summary);   // a claim's statement in full, never cut
            DateOnly.TryParse(review.GetProperty("datePublished").GetString(), out _).ShouldBeTrue();
            review.GetProperty("author").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();

            var rating = review.GetProperty("reviewRating");
            rating.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(RatingProperties);
            rating.GetProperty("@type").GetString().ShouldBe("Rating");
            rating.GetProperty("alternateName").GetString()!.ShouldMatch("^(contradicted|omitted by [A-Z]{2}|divergent on [a-z0-9-]+)$");

            var claim = review.GetProperty("itemReviewed");
            claim.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(ClaimProperties);
            claim.GetProperty("@type").GetString().ShouldBe("Claim");
            claim.GetProperty("author").EnumerateArray().ShouldAllBe(a => a.GetProperty("name").GetString()!.Length > 0);
            DateTimeOffset.TryParse(claim.GetProperty("datePublished").GetString(), out _).ShouldBeTrue();
            if (claim.TryGetProperty("appearance", out var appearance))
                appearance.EnumerateArray().ShouldAllBe(a => a.GetProperty("@type").GetString() == "CreativeWork"
                    && Uri.IsWellFormedUriString(a.GetProperty("url").GetString(), UriKind.Absolute));
        }

        var taiwan = reviews.Single(r => r.GetProperty("url").GetString()!.EndsWith("#topic-taiwan"));
        taiwan.GetProperty("reviewRating").GetProperty("alternateName").GetString().ShouldBe("omitted by US");
        taiwan.GetProperty("reviewRating").GetProperty("ratingExplanation").GetString()
            .ShouldBe("taiwan: omitted by the US readouts (Donald Trump and The White House).");
        taiwan.GetProperty("itemReviewed").GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString())
            .ShouldBe(["Chinese state media", "Ministry of Foreign Affairs of the People's Republic of China"], ignoreOrder: true);
    }

    [Fact]
    public async Task an_unknown_call_is_a_404()
    {
        (await app.Client(editor: false).GetAsync("/api/calls/no-such-call/claimreview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
