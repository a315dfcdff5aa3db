using System.Text.Encodings.Web;
using System.Text.Json;

namespace Claims.Web.Features;

public static class Json
{
    /// <summary>
    /// Readable JSON for files people open (dossiers, JSON-LD): Chinese, Japanese and the '+' of an offset stay as
    /// they are rather than \u escapes. It is only ever served as JSON, never written into an HTML page.
    /// </summary>
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    /// <summary>The API's own shape (camelCase, nulls left out), for bodies the tracker sends rather than answers (webhooks).</summary>
    public static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull
    };
}
