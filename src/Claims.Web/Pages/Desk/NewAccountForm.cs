using System.Text.Json.Nodes;

namespace Claims.Web.Pages.Desk;

/// <summary>The form that publishes an account of a call, with its text when the editor pastes it.</summary>
public sealed class NewAccountForm
{
    public string? Id { get; set; }
    public string? Source { get; set; }
    public string Kind { get; set; } = "readout";
    /// <summary>ISO 8601 with an offset, as the source gives it (2025-11-24T22:30:00+08:00).</summary>
    public string? PublishedAt { get; set; }
    public string? TimePrecision { get; set; }
    public string? Language { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    /// <summary>Whether the text holds only passages of the account (a report quoted, not reproduced).</summary>
    public bool Excerpt { get; set; }

    public JsonObject ToJson()
    {
        var account = new JsonObject();
        DeskForm.Put(account, "id", Id);
        DeskForm.Put(account, "source", Source);
        DeskForm.Put(account, "kind", Kind);
        DeskForm.Put(account, "publishedAt", PublishedAt?.Trim());
        DeskForm.Put(account, "timePrecision", TimePrecision);
        DeskForm.Put(account, "language", Language);
        DeskForm.Put(account, "url", Url?.Trim());
        DeskForm.Put(account, "title", Title);
        // A browser sends a text area's line breaks as CRLF whatever was pasted: stored as LF, as files write them.
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var original = Text.Replace("\r\n", "\n");
            account["text"] = Excerpt ? new JsonObject { ["original"] = original, ["excerpt"] = true } : new JsonObject { ["original"] = original };
        }
        return account;
    }
}
