using System.Text.Json;

namespace Claims.Tests.Support;

/// <summary>Every call GET /api/calls lists, page after page.</summary>
public static class CallList
{
    public static async Task<List<JsonElement>> AllAsync(HttpClient client)
    {
        var calls = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/calls?pageSize=500&page={page}")).RootElement.Clone();
            calls.AddRange(answer.GetProperty("items").EnumerateArray());
            if (page >= answer.GetProperty("pages").GetInt64()) return calls;
        }
    }
}
