using System.Net;
using System.Text.Json;
using Claims.Benchmarks.Corpus;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// Applies the corpus' corrections and retractions over HTTP, four clients at a time. Each client owns whole
/// calls, so two changes never race on one call's stream (a race is a 409 by design, not a benchmark figure).
/// </summary>
public static class ClaimChanges
{
    public static async Task<double> Apply(AppServer server, IReadOnlyList<ClaimChangeRequest> changes)
    {
        var byCall = changes.GroupBy(c => c.CallId).Select(g => g.ToList()).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(byCall, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (calls, ct) =>
        {
            // Every change names the claim's version it was made against: 1 as imported, then what the last change answered.
            var versions = new Dictionary<string, string>();
            foreach (var change in calls)
            {
                var path = $"/api/claims/{change.CallId}/{change.ClaimId}/{(change.Retraction ? "retraction" : "corrections")}";
                using var request = server.Write(HttpMethod.Post, path, change.Body);
                request.Headers.TryAddWithoutValidation("If-Match", versions.GetValueOrDefault(change.ClaimId, "\"1\""));
                using var response = await server.Http.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new BenchFailure($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                if (response.Headers.ETag is { } tag) versions[change.ClaimId] = tag.Tag;
            }
        });
        return changes.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The call list must hold every call once, and its claim counts must add up to the live claims.</summary>
    public static async Task Verify(AppServer server, BenchDatabase db, string schema, int calls, long liveClaims)
    {
        var documents = await db.Scalar<long>($"select count(*) from {schema}.mt_doc_callsummary");
        if (documents != calls) throw new BenchFailure($"{schema} holds {documents} CallSummary documents; expected {calls}");

        long listed = 0, claims = 0;
        for (var page = 1; ; page++)
        {
            using var response = await server.Http.GetAsync($"/api/calls?pageSize=500&page={page}");
            if (response.StatusCode != HttpStatusCode.OK) throw new BenchFailure($"GET /api/calls answered {(int)response.StatusCode}");
            using var list = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var items = list.RootElement.GetProperty("items");
            listed += items.GetArrayLength();
            claims += items.EnumerateArray().Sum(c => (long)c.GetProperty("claimCount").GetInt32());
            // Past the count limit the total says "more than" (totalExact false): page on until a page is short.
            var exact = list.RootElement.GetProperty("totalExact").GetBoolean();
            if (items.GetArrayLength() < 500 || (exact && page >= list.RootElement.GetProperty("pages").GetInt64())) break;
        }
        if (listed != calls) throw new BenchFailure($"GET /api/calls lists {listed} calls; expected {calls}");
        if (claims != liveClaims) throw new BenchFailure($"GET /api/calls counts {claims} live claims; expected {liveClaims}");
    }
}
