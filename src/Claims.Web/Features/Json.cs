using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Claims.Web.Features;

public static class Json
{
    /// <summary>Readable JSON that keeps Chinese and Japanese as they are rather than as \u escapes.</summary>
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All)
    };
}
