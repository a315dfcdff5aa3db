using System.Text.Json.Nodes;
using Claims.Web.Pages.Desk;

namespace Claims.Web.Pages.Alerts;

/// <summary>The form that registers a webhook: the API's body, field by field.</summary>
public sealed class NewSubscriptionForm
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
    public string? Description { get; set; }
    public string? Topic { get; set; }
    public List<string> Verdict { get; set; } = [];
    public string? Source { get; set; }
    public string? Side { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Q { get; set; }

    public JsonObject ToJson()
    {
        var filter = new JsonObject();
        DeskForm.Put(filter, "topic", Topic);
        if (Verdict.Count > 0) filter["verdict"] = new JsonArray(Verdict.Select(v => (JsonNode)v).ToArray());
        DeskForm.Put(filter, "source", Source);
        DeskForm.Put(filter, "side", Side);
        DeskForm.Put(filter, "from", From);
        DeskForm.Put(filter, "to", To);
        DeskForm.Put(filter, "q", Q);
        var body = new JsonObject();
        DeskForm.Put(body, "url", Url);
        DeskForm.Put(body, "secret", Secret);
        DeskForm.Put(body, "description", Description);
        if (filter.Count > 0) body["filter"] = filter;
        return body;
    }
}
