using System.Text.Json.Nodes;

namespace Claims.Web.Pages.Desk;

/// <summary>The form that opens a call: participants one per line as <c>Name | SIDE</c>, related calls as <c>call-id relation</c>.</summary>
public sealed class NewCallForm
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string Kind { get; set; } = "phone-call";
    public string? Date { get; set; }
    public string? Participants { get; set; }
    public string? Related { get; set; }

    public JsonObject ToJson()
    {
        var call = new JsonObject();
        DeskForm.Put(call, "id", Id);
        DeskForm.Put(call, "title", Title);
        DeskForm.Put(call, "kind", Kind);
        DeskForm.Put(call, "date", Date);
        call["participants"] = new JsonArray(DeskForm.Lines(Participants).Select(line =>
        {
            var cut = line.LastIndexOf('|');
            return (JsonNode)new JsonObject { ["name"] = (cut < 0 ? line : line[..cut]).Trim(), ["side"] = cut < 0 ? "" : line[(cut + 1)..].Trim() };
        }).ToArray());
        var related = DeskForm.Lines(Related).Select(line =>
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (JsonNode)new JsonObject { ["call"] = parts[0], ["relation"] = parts.Length > 1 ? parts[1] : "" };
        }).ToArray();
        if (related.Length > 0) call["related"] = new JsonArray(related);
        return call;
    }
}
