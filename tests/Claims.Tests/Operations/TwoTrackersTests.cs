using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Claims.Domain;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Marten;

namespace Claims.Tests.Operations;

/// <summary>
/// Two trackers, two processes, one database (<c>Claims__Nodes=balanced</c>): the async projections run on exactly one;
/// kill -9 that one and the other takes them over; imports through both while it happens lose nothing, and the
/// discrepancy index ends exactly as the calls' own state gives it.
/// </summary>
public class TwoTrackersTests
{
    private readonly string _schema = TestDatabase.NewSchema("two");


    private Running Start(string url) => ProgramRun.Serve(new Dictionary<string, string?>
    {
        ["ConnectionStrings__Marten"] = TestDatabase.ConnectionString, ["Claims__Schema"] = _schema, ["Claims__EditorKey"] = "two-key",
        ["Claims__Nodes"] = "balanced", ["Claims__LoadSample"] = "false",
    }, "--urls", url);

    /// <summary>Whether the discrepancy index runs on this tracker, and its readiness answer.</summary>
    private static async Task<(bool IndexHere, JsonElement Ready)> Ready(string url)
    {
        using var client = new HttpClient();
        var response = await client.GetAsync(url + "/health/ready");
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var projections = ready.GetProperty("checks").GetProperty("projections").GetProperty("data");
        return (projections.GetProperty(ClaimsStore.DiscrepancyIndex + ":All").GetProperty("here").GetBoolean(), ready);
    }

    private static async Task<bool> Import(HttpClient client, string url, string callId)
    {
        try
        {
            var response = await client.PostAsync(url + "/api/dossiers",
                new StringContent(Dossiers.Minimal(callId, "two-cn", "two-us").ToJsonString(), Encoding.UTF8, "application/json"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
    }

    [Fact]
    public async Task the_projections_run_on_one_tracker_and_move_to_the_other_when_it_is_killed()
    {
        var (a, b) = ($"http://127.0.0.1:{LoopbackPort.Free()}", $"http://127.0.0.1:{LoopbackPort.Free()}");
        using var first = Start(a);
        (await first.Healthy(a, TimeSpan.FromMinutes(1))).ShouldBeTrue(first.Printed);
        using var second = Start(b);
        (await second.Healthy(b, TimeSpan.FromMinutes(1))).ShouldBeTrue(second.Printed);

        // Wait until the index is assigned: to exactly one of the two.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        bool onA, onB;
        do
        {
            await Task.Delay(1000);
            (onA, onB) = ((await Ready(a)).IndexHere, (await Ready(b)).IndexHere);
        } while (!(onA ^ onB) && DateTime.UtcNow < deadline);
        (onA ^ onB).ShouldBeTrue($"the index runs on exactly one tracker (a: {onA}, b: {onB})");
        var (owner, ownerUrl, survivor, survivorUrl) = onA ? (first, a, second, b) : (second, b, first, a);

        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "two-key");
        var accepted = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var callId = $"two-call-{i}";
            if (i == 10) owner.KillHard();   // kill -9, mid-stream
            var url = i % 2 == 0 ? ownerUrl : survivorUrl;
            if (await Import(client, url, callId) || await Import(client, survivorUrl, callId)) accepted.Add(callId);
        }
        accepted.Count.ShouldBe(30);   // every import went through, one tracker or the other

        // The survivor takes the index over and catches it up.
        var killedAt = Stopwatch.StartNew();
        JsonElement ready;
        do
        {
            await Task.Delay(1000);
            var r = await Ready(survivorUrl);
            ready = r.Ready;
            if (r.IndexHere && ready.GetProperty("status").GetString() == "healthy") break;
        } while (killedAt.Elapsed < TimeSpan.FromMinutes(3));
        ready.GetProperty("status").GetString().ShouldBe("healthy", survivor.Printed);
        killedAt.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), "take-over time");
        Console.WriteLine($"The survivor took the index over and caught up {killedAt.Elapsed.TotalSeconds:0} s after the kill.");

        using var store = DocumentStore.For(opts => ClaimsStore.Configure(opts, TestDatabase.ConnectionString, _schema));
        await using var session = store.QuerySession();
        var calls = await session.Query<CallReconciliation>().ToListAsync();
        calls.Select(c => c.Id).Order().ShouldBe(accepted.Order());
        var expected = calls.SelectMany(DiscrepancyRow.AllOf).Select(r => $"{r.Id} {string.Join(",", r.FindingKinds)}").Order().ToList();
        var indexed = (await session.Query<DiscrepancyRow>().ToListAsync()).Select(r => $"{r.Id} {string.Join(",", r.FindingKinds)}").Order().ToList();
        indexed.ShouldBe(expected);
        indexed.Count.ShouldBe(60);   // taiwan and trade on each call
    }
}
