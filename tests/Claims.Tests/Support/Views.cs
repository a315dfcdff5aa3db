using System.Text.Json.Nodes;
using Claims.Web;

namespace Claims.Tests.Support;

/// <summary>Call views compared across calls recorded different ways.</summary>
public static class Views
{
    /// <summary>The sample dossier under another call id (its claims' links to itself renamed too).</summary>
    public static JsonObject SampleAs(string callId)
    {
        var sample = SampleLoader.ReadSamples().Single(s => s.Name.Contains(SampleLoader.SampleCallId)).Json;
        return JsonNode.Parse(sample.Replace(SampleLoader.SampleCallId, callId))!.AsObject();
    }

    /// <summary>A call's view with its id made neutral and the instants and names of recording (which differ by design) left out.</summary>
    public static string Neutral(string viewJson, string callId)
    {
        var node = JsonNode.Parse(viewJson.Replace(callId, "CALL"))!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                foreach (var key in o.Select(p => p.Key).Where(k => k is "recordedAt" or "lastChangedAt" or "recordedBy" or "lastChangedBy").ToList()) o.Remove(key);
                foreach (var (_, child) in o) Strip(child);
            }
            else if (n is JsonArray a) foreach (var child in a) Strip(child);
        }
    }
}
