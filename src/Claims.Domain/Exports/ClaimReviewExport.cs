using System.Globalization;
using System.Text.Json.Nodes;
using Claims.Domain.Reconciliation;

namespace Claims.Domain.Exports;

/// <summary>The organisation that publishes the reviews: the newsroom running Claims.</summary>
public sealed record ReviewPublisher(string Name, string? Url);

/// <summary>
/// schema.org <c>ClaimReview</c> JSON-LD, one per discrepancy finding of a call (a topic omitted by one side and
/// divergent on a facet gives two), with the properties Google's fact-check markup documents. The finding is the
/// rating's <c>alternateName</c>; there is no numeric truth scale, because a discrepancy says how versions differ,
/// not whether one is true. <c>claimReviewed</c> is the claim's statement in full.
/// </summary>
public static class ClaimReviewExport
{
    public static JsonArray For(CallReconciliation call, ReviewPublisher publisher, string callPageUrl)
    {
        var view = ReconciliationView.From(call);
        var sources = view.Sources.ToDictionary(s => s.Id);
        return new JsonArray([.. view.Topics
            .SelectMany(topic => topic.Findings.Where(f => f.IsDiscrepancy).Select(f => (JsonNode)Review(call, topic, f, sources, publisher, callPageUrl)))]);
    }

    private static JsonObject Review(CallReconciliation call, TopicView topic, Finding finding, IReadOnlyDictionary<string, SourceView> sources,
        ReviewPublisher publisher, string callPageUrl)
    {
        var reviewed = Reviewed(topic, finding);
        var speaking = reviewed.Select(c => c.Source).Distinct().ToList();
        string Name(string id) => sources[id].Name;

        var appearances = reviewed.Where(c => c.Url is not null).DistinctBy(c => c.Account).Select(c => (JsonNode)new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["url"] = c.Url,
            ["datePublished"] = Published(c),
            ["author"] = Author(sources[c.Source])
        }).ToArray();
        var item = new JsonObject
        {
            ["@type"] = "Claim",
            ["author"] = new JsonArray([.. speaking.Select(id => (JsonNode)Author(sources[id]))]),
            ["datePublished"] = Published(reviewed.MinBy(c => c.PublishedAt)!)
        };
        // An appearance needs an address; a claim known only from a relay without one has none to give.
        if (appearances.Length > 0) item["appearance"] = new JsonArray(appearances);

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = $"{callPageUrl}#topic-{topic.Topic}",
            ["claimReviewed"] = reviewed[0].Statement,
            ["datePublished"] = call.LastRecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["inLanguage"] = "en",
            ["author"] = Organization(publisher.Name, publisher.Url),
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["alternateName"] = FindingText.Rating(finding),
                ["ratingExplanation"] = Sentence($"{topic.Topic}: {FindingText.Describe(finding, Name)}")
            },
            ["itemReviewed"] = item
        };
    }

    /// <summary>
    /// The claims a finding reviews, earliest first: for an omission, the other sides' readouts that assert what the
    /// silent side left out; for a contradiction, the assertions denied; for a divergence, the claims giving values.
    /// </summary>
    private static List<ClaimView> Reviewed(TopicView topic, Finding finding)
    {
        IEnumerable<ClaimView> claims = finding.Kind switch
        {
            FindingKind.Omitted => topic.Claims.Where(c => c.Stance == Stance.Asserted && c.AccountKind == Vocabulary.Readout
                && c.Standing == Standing.Party && c.Side != finding.Side),
            FindingKind.Contradicted => topic.Claims.Where(c => c.Stance == Stance.Asserted),
            FindingKind.Divergent => topic.Claims.Where(c => c.Stance == Stance.Asserted && c.Facet?.Key == finding.Facet),
            _ => topic.Claims
        };
        var list = claims.ToList();
        return list.Count > 0 ? list : [.. topic.Claims];
    }

    /// <summary>When a claim was published, as precisely as it is known: a time known only to the day is a date.</summary>
    private static string Published(ClaimView claim) => claim.TimePrecision == TimePrecision.Day
        ? claim.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Instants.Format(claim.PublishedAt);

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    private static JsonObject Author(SourceView source) =>
        source.Kind is "leader" or "official" or "analyst"
            ? new JsonObject { ["@type"] = "Person", ["name"] = source.Name }
            : Organization(source.Name, null);

    private static JsonObject Organization(string name, string? url)
    {
        var o = new JsonObject { ["@type"] = "Organization", ["name"] = name };
        if (url is not null) o["url"] = url;
        return o;
    }
}
