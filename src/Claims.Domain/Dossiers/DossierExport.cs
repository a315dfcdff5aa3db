using System.Text.Json.Nodes;
using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;

namespace Claims.Domain.Dossiers;

/// <summary>
/// Writes a call back out as a <c>claims-dossier/1</c> file: its sources, accounts and live claims as they stand
/// now (corrections applied, retractions left out), so importing it into an empty database gives the same view.
/// </summary>
public static class DossierExport
{
    public static JsonObject ToJson(CallReconciliation call)
    {
        var accounts = call.Accounts.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["format"] = Vocabulary.Format,
            ["call"] = new JsonObject
            {
                ["id"] = call.Call.Id,
                ["title"] = call.Call.Title,
                ["kind"] = call.Call.Kind,
                ["date"] = call.Call.Date.ToString("yyyy-MM-dd"),
                ["participants"] = new JsonArray([.. call.Call.Participants.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["side"] = p.Side })])
            },
            ["sources"] = new JsonArray([.. accounts.Select(a => a.Source).DistinctBy(s => s.Id).Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id, ["name"] = s.Name, ["side"] = s.Side, ["kind"] = s.Kind
            })]),
            ["accounts"] = new JsonArray([.. accounts.Select(a => (JsonNode)Compact(new JsonObject
            {
                ["id"] = a.Id, ["source"] = a.Source.Id, ["kind"] = a.Kind, ["publishedAt"] = Instants.Format(a.PublishedAt),
                ["language"] = a.Language, ["url"] = a.Url, ["title"] = a.Title
            }))]),
            ["claims"] = new JsonArray([.. call.Claims.Where(c => !c.Retracted).Select(c => (JsonNode)Claim(c))])
        };
    }

    private static JsonObject Claim(ClaimEntry claim)
    {
        var content = claim.Content;
        return Compact(new JsonObject
        {
            ["id"] = claim.Id,
            ["account"] = claim.AccountId,
            ["topic"] = content.Topic,
            ["stance"] = content.Stance,
            ["speaker"] = content.Speaker,
            ["statement"] = content.Statement,
            ["quote"] = content.Quote is { } q
                ? Compact(new JsonObject { ["text"] = q.Text, ["language"] = q.Language, ["translation"] = q.Translation })
                : null,
            ["facet"] = content.Facet is { } f ? new JsonObject { ["key"] = f.Key, ["value"] = f.Value } : null,
            ["reportedVia"] = content.ReportedVia is { } r
                ? Compact(new JsonObject { ["outlet"] = r.Outlet, ["url"] = r.Url, ["publishedAt"] = r.PublishedAt is { } at ? Instants.Format(at) : null })
                : null
        });
    }


    private static JsonObject Compact(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        return o;
    }
}
