using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Benchmarks.Corpus;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// New calls opened at the desk with no claims yet (POST /api/calls, then three accounts each), copied from calls of a
/// kept schema: the claims recorded on them rewrite views of one to a few claims instead of the corpus's forty. What
/// a claim costs when the documents it touches are small is the floor of any design that writes less per claim.
/// </summary>
public static class SmallCalls
{
    private const int AccountsPerCall = 3;

    public static async Task<List<(string CallId, string AccountId)>> Open(AppServer server, BenchDatabase db, string schema, int count, string stamp)
    {
        var templates = await KeptSchema.CallTemplates(db, schema, count);
        var opened = new (string CallId, string AccountId)[templates.Count];
        await Parallel.ForEachAsync(templates.Select((t, i) => (t.Call, t.Accounts, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (template, ct) =>
            {
                var call = JsonNode.Parse(template.Call)!.AsObject();
                var id = $"small-{stamp}-{template.i}";
                call["id"] = id;
                await Post(server, "/api/calls", call.ToJsonString(), ct);
                var accounts = JsonNode.Parse(template.Accounts)!.AsArray().Take(AccountsPerCall).Select(a => a!.AsObject()).ToList();
                foreach (var a in accounts)
                {
                    var account = new AccountJson(a["id"]!.GetValue<string>(), a["source"]!["id"]!.GetValue<string>(), a["kind"]!.GetValue<string>(),
                        a["publishedAt"]!.GetValue<string>(), a["language"]?.GetValue<string>(), a["url"]?.GetValue<string>(), a["title"]?.GetValue<string>());
                    await Post(server, $"/api/calls/{id}/accounts", JsonSerializer.Serialize(account, DossierJson.Options), ct);
                }
                opened[template.i] = (id, accounts[0]["id"]!.GetValue<string>());
            });
        return [.. opened];
    }

    private static async Task Post(AppServer server, string path, string json, CancellationToken ct)
    {
        using var response = await server.Http.SendAsync(server.Write(HttpMethod.Post, path, json), ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new BenchFailure($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
