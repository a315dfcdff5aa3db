using System.Text.Json.Nodes;

namespace Claims.Web.Pages.Desk;

/// <summary>The form that registers a source.</summary>
public sealed class NewSourceForm
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Side { get; set; }
    public string Kind { get; set; } = "government";

    public JsonObject ToJson()
    {
        var source = new JsonObject();
        DeskForm.Put(source, "id", Id);
        DeskForm.Put(source, "name", Name);
        DeskForm.Put(source, "side", Side);
        DeskForm.Put(source, "kind", Kind);
        return source;
    }
}
