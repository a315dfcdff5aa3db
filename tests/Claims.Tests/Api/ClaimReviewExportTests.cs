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
    public async Task there_is_one_valid_review_per_discrepancy()
    {
        var client = app.Client(editor: false);
        var response = await client.GetAsync("/api/calls/2025-11-24-xi-trump-call/claimreview");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        var reviews = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        var view = JsonDocument.Parse(await client.GetStringAsync("/api/calls/2025-11-24-xi-trump-call/reconciliation")).RootElement;
        reviews.Count.ShouldBe(view.GetProperty("discrepancyCount").GetInt32());

        foreach (var review in reviews)
        {
            review.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(ReviewProperties);
            review.GetProperty("@context").GetString().ShouldBe("https://schema.org");
            review.GetProperty("@type").GetString().ShouldBe("ClaimReview");
            Uri.IsWellFormedUriString(review.GetProperty("url").GetString(), UriKind.Absolute).ShouldBeTrue();
            var summary = review.GetProperty("claimReviewed").GetString()!;
            summary.Length.ShouldBeInRange(1, 75);
            DateOnly.TryParse(review.GetProperty("datePublished").GetString(), out _).ShouldBeTrue();
            review.GetProperty("author").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();

            var rating = review.GetProperty("reviewRating");
            rating.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(RatingProperties);
            rating.GetProperty("@type").GetString().ShouldBe("Rating");
            rating.GetProperty("alternateName").GetString().ShouldBeOneOf("contradicted", "omitted", "divergent");
            summary.ShouldNotContain(rating.GetProperty("alternateName").GetString()!);

            var claim = review.GetProperty("itemReviewed");
            claim.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(ClaimProperties);
            claim.GetProperty("@type").GetString().ShouldBe("Claim");
            claim.GetProperty("author").EnumerateArray().ShouldAllBe(a => a.GetProperty("name").GetString()!.Length > 0);
            DateTimeOffset.TryParse(claim.GetProperty("datePublished").GetString(), out _).ShouldBeTrue();
            claim.GetProperty("appearance").EnumerateArray()
                .ShouldAllBe(a => a.GetProperty("@type").GetString() == "CreativeWork" && Uri.IsWellFormedUriString(a.GetProperty("url").GetString(), UriKind.Absolute));
        }

        var taiwan = reviews.Single(r => r.GetProperty("url").GetString()!.EndsWith("#topic-taiwan"));
        taiwan.GetProperty("reviewRating").GetProperty("ratingExplanation").GetString()!.ShouldContain("not mentioned in the readout of");
    }

    [Fact]
    public async Task an_unknown_call_is_a_404()
    {
        (await app.Client(editor: false).GetAsync("/api/calls/no-such-call/claimreview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
