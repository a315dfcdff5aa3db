using System.Globalization;
using System.Text.Json.Nodes;
using Claims.Domain.Reconciliation;

namespace Claims.Domain.Exports;

/// <summary>The organisation that publishes the reviews: the newsroom running Claims.</summary>
public sealed record ReviewPublisher(string Name, string? Url);

/// <summary>
/// schema.org <c>ClaimReview</c> JSON-LD, one per discrepancy of a call, with the properties Google's fact-check
/// markup documents. The verdict is the rating's <c>alternateName</c>; there is no numeric truth scale, because a
/// discrepancy says how versions differ, not whether one is true.
/// </summary>
public static class ClaimReviewExport
{
    private const int SummaryMax = 75;

    public static JsonArray For(CallReconciliation call, ReviewPublisher publisher, string callPageUrl)
    {
        var view = ReconciliationView.From(call);
        var names = view.Sources.ToDictionary(s => s.Id);
        return new JsonArray([.. view.Topics.Where(t => t.Discrepancy).Select(topic => (JsonNode)Review(call, topic, names, publisher, callPageUrl))]);
    }

    private static JsonObject Review(CallReconciliation call, TopicView topic, IReadOnlyDictionary<string, SourceView> sources,
        ReviewPublisher publisher, string callPageUrl)
    {
        var asserted = topic.Claims.Where(c => c.Stance == Stance.Asserted).ToList();
        var claimed = asserted.FirstOrDefault() ?? topic.Claims[0];

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = $"{callPageUrl}#topic-{topic.Topic}",
            ["claimReviewed"] = Clip(claimed.Statement),
            ["datePublished"] = call.LastRecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["inLanguage"] = "en",
            ["author"] = Organization(publisher.Name, publisher.Url),
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["alternateName"] = topic.Verdict,
                ["ratingExplanation"] = Explain(topic, sources)
            },
            ["itemReviewed"] = new JsonObject
            {
                ["@type"] = "Claim",
                ["author"] = new JsonArray([.. topic.Asserting.Concat(topic.Denying).Distinct().Select(id => (JsonNode)Author(sources[id]))]),
                ["datePublished"] = Instants.Format(topic.Claims.Min(c => c.PublishedAt)),
                ["appearance"] = new JsonArray([.. topic.Claims.Where(c => c.Url is not null).DistinctBy(c => c.Account).Select(c => (JsonNode)new JsonObject
                {
                    ["@type"] = "CreativeWork",
                    ["url"] = c.Url,
                    ["datePublished"] = Instants.Format(c.PublishedAt),
                    ["author"] = Author(sources[c.Source])
                })])
            }
        };
    }

    /// <summary>The rating in a sentence: who asserted, who denied, whose readout was silent.</summary>
    public static string Explain(TopicView topic, IReadOnlyDictionary<string, SourceView> sources)
    {
        string Names(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => $"{sources[id].Name} ({sources[id].Side})"));
        var parts = new List<string>();
        if (topic.Asserting.Count > 0) parts.Add($"Asserted by {Names(topic.Asserting)}");
        if (topic.Denying.Count > 0) parts.Add($"denied by {Names(topic.Denying)}");
        if (topic.Silent.Count > 0) parts.Add($"not mentioned in the readout of {Names(topic.Silent)}");
        foreach (var facet in topic.Facets.Where(f => f.Differs))
            parts.Add($"{facet.Key} given as {string.Join(" / ", facet.Values.Select(v => $"{v.Value} ({sources[v.Source].Name})"))}");
        var sentence = string.Join("; ", parts) + ".";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    private static JsonObject Author(SourceView source) =>
        source.Kind is "leader" or "official"
            ? new JsonObject { ["@type"] = "Person", ["name"] = source.Name }
            : Organization(source.Name, null);

    private static JsonObject Organization(string name, string? url)
    {
        var o = new JsonObject { ["@type"] = "Organization", ["name"] = name };
        if (url is not null) o["url"] = url;
        return o;
    }


    /// <summary>Google asks for a summary under 75 characters: cut at a word and mark the cut.</summary>
    private static string Clip(string statement)
    {
        var text = statement.Trim();
        if (text.Length <= SummaryMax) return text;
        var cut = text.LastIndexOf(' ', SummaryMax - 1);
        var clipped = text[..(cut > SummaryMax / 2 ? cut : SummaryMax - 1)].TrimEnd(',', ';', ':', ' ');
        // A cut inside brackets drops the unclosed part: "four times in 2026 (per" becomes "four times in 2026".
        var open = clipped.LastIndexOfAny(['(', '（', '「', '[']);
        if (open > SummaryMax / 2 && clipped.IndexOfAny([')', '）', '」', ']'], open) < 0) clipped = clipped[..open].TrimEnd();
        return clipped + "…";
    }
}
