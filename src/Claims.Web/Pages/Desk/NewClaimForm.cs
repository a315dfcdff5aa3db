using System.Text.Json.Nodes;
using Claims.Domain.Reconciliation;
using Claims.Web.Pages.Calls;

namespace Claims.Web.Pages.Desk;

/// <summary>The editors' form for a new claim on one of the call's accounts.</summary>
public sealed class NewClaimForm : ClaimFormFields
{
    /// <summary>The claim's id when the editor gives one; made from the account and topic otherwise.</summary>
    public string? Id { get; set; }
    public string Account { get; set; } = "";
    /// <summary>The outlet's article (an account of this call) that relayed the claim, if one did.</summary>
    public string? RelayAccount { get; set; }
    /// <summary>The outlet's name as the article gives it; the article's source's name when blank.</summary>
    public string? RelayOutlet { get; set; }
    /// <summary>A claim this one relates to (<c>call-id/claim-id</c>), and how.</summary>
    public string? RelationClaim { get; set; }
    public string? RelationKind { get; set; }

    /// <summary>An id from the account and topic, numbered past any the call already has.</summary>
    public string NewId(CallReconciliation call)
    {
        if (Blank(Id) is { } given) return given.Trim();
        var stem = Domain.Slug.IsValid(Account) && Domain.Slug.IsValid(Topic) ? $"{Account}-{Topic}" : "claim";
        stem = stem.Length > 90 ? stem[..90].TrimEnd('-') : stem;
        var id = stem;
        for (var n = 2; call.Claim(id) is not null; n++) id = $"{stem}-{n}";
        return id;
    }

    public JsonObject ToJson(string id, CallReconciliation call)
    {
        var claim = new JsonObject
        {
            ["id"] = id, ["account"] = Account, ["topic"] = Topic, ["stance"] = Stance, ["statement"] = Statement
        };
        if (Blank(Speaker) is { } speaker) claim["speaker"] = speaker;
        if (QuoteJson() is { } quote) claim["quote"] = quote;
        if (FacetJson() is { } facet) claim["facet"] = facet;
        if (Blank(RelayAccount) is { } relay)
        {
            // The article's own title and time: what a dossier writes for a claim relayed by an account of the call.
            var article = call.Account(relay);
            var via = new JsonObject { ["outlet"] = Blank(RelayOutlet) ?? article?.Source.Name ?? relay };
            if (article?.Title is { } title) via["title"] = title;
            if (article?.Url is { } url) via["url"] = url;
            if (article is not null) via["publishedAt"] = Domain.Instants.Format(article.PublishedAt);
            via["account"] = relay;
            claim["reportedVia"] = via;
        }
        if (Blank(RelationClaim) is { } other)
            claim["relations"] = new JsonArray(new JsonObject { ["claim"] = other.Trim(), ["relation"] = RelationKind ?? "" });
        return claim;
    }
}
