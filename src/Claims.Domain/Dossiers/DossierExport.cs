using System.Globalization;
using System.Text.Json.Nodes;
using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;

namespace Claims.Domain.Dossiers;

/// <summary>
/// Writes a call back out as a <c>claims-dossier/2</c> file: its sources, accounts and live claims as they stand
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
            ["call"] = Compact(new JsonObject
            {
                ["id"] = call.Call.Id,
                ["title"] = call.Call.Title,
                ["kind"] = call.Call.Kind,
                ["date"] = call.Call.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["participants"] = new JsonArray([.. call.Call.Participants.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["side"] = p.Side })]),
                ["related"] = call.Call.Related is { Count: > 0 } related
                    ? new JsonArray([.. related.Select(r => (JsonNode)new JsonObject { ["call"] = r.Call, ["relation"] = r.Relation })])
                    : null
            }),
            ["sources"] = new JsonArray([.. accounts.Select(a => a.Source).DistinctBy(s => s.Id).Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id, ["name"] = s.Name, ["side"] = s.Side, ["kind"] = s.Kind
            })]),
            ["accounts"] = new JsonArray([.. accounts.Select(a => (JsonNode)Compact(new JsonObject
            {
                ["id"] = a.Id, ["source"] = a.Source.Id, ["kind"] = a.Kind, ["publishedAt"] = Instants.Format(a.PublishedAt),
                ["timePrecision"] = a.TimePrecision, ["language"] = a.Language, ["url"] = a.Url, ["title"] = a.Title,
                ["text"] = a.Text is { } text ? Text(text) : null,
                ["archive"] = a.Archive is { } archive
                    ? new JsonObject { ["url"] = archive.Url, ["capturedAt"] = Instants.Format(archive.CapturedAt) }
                    : null,
                ["revisions"] = a.Revisions is { Count: > 0 } revisions
                    ? new JsonArray([.. revisions.Select(r => (JsonNode)Compact(new JsonObject
                    {
                        ["text"] = Text(r.Text), ["publishedAt"] = Instants.Format(r.PublishedAt), ["timePrecision"] = r.TimePrecision,
                        ["reason"] = r.Reason
                    }))])
                    : null
            }))]),
            ["claims"] = new JsonArray([.. call.Claims.Where(c => !c.Retracted).Select(c => (JsonNode)Claim(c))])
        };
    }

    private static JsonObject Text(AccountText text) => Compact(new JsonObject
    {
        ["original"] = text.Original,
        ["excerpt"] = text.Excerpt ? true : null,
        ["translations"] = text.Translations.Count > 0
            ? new JsonArray([.. text.Translations.Select(t => (JsonNode)new JsonObject { ["language"] = t.Language, ["text"] = t.Text, ["by"] = t.By })])
            : null
    });

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
                ? Compact(new JsonObject
                {
                    ["text"] = q.Text, ["language"] = q.Language, ["kind"] = q.Kind, ["translation"] = q.Translation, ["translatedBy"] = q.TranslatedBy
                })
                : null,
            ["facet"] = content.Facet is { } f ? new JsonObject { ["key"] = f.Key, ["value"] = f.Value } : null,
            ["reportedVia"] = content.ReportedVia is { } r
                ? Compact(new JsonObject
                {
                    ["outlet"] = r.Outlet, ["title"] = r.Title, ["url"] = r.Url, ["publishedAt"] = r.PublishedAt is { } at ? Instants.Format(at) : null,
                    ["account"] = r.Account
                })
                : null,
            ["relations"] = content.Relations is { Count: > 0 } relations
                ? new JsonArray([.. relations.Select(x => (JsonNode)new JsonObject { ["claim"] = x.Claim, ["relation"] = x.Relation })])
                : null
        });
    }

    private static JsonObject Compact(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        return o;
    }
}
