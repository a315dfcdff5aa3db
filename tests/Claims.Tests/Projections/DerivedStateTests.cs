using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Tests.Support;

namespace Claims.Tests.Projections;

/// <summary>
/// A call's verdicts are derived on the first read after a change, not after every event: reads must still see
/// every change, including the view and the rows built from a state already read once.
/// </summary>
public class DerivedStateTests
{
    private readonly Given _call = new("derived-call");
    private readonly CallReconciliationProjection _projection = new();

    private CallReconciliation Apply(CallReconciliation? view, params object[] events) =>
        Replay.Wrap(_call.CallId, events).Aggregate(view, (doc, e) => _projection.Evolve(doc, _call.CallId, e))!;

    [Fact]
    public void a_read_after_a_change_sees_the_change()
    {
        var view = Apply(null, _call.Registered(), _call.Account("cn-readout", "cn-mfa", "CN"),
            _call.Account("us-readout", "white-house", "US"), _call.Claim("cn-taiwan", "cn-readout", "taiwan"));
        view.Topics.Single().Verdict.ShouldBe(Verdict.Omitted);
        view.CurrentView().DiscrepancyCount.ShouldBe(1);
        DiscrepancyRow.AllOf(view).Single().Verdict.ShouldBe(Verdict.Omitted);

        // Read once, then changed: the verdicts, the counts, the cached view and the rows all follow.
        view = Apply(view, _call.Claim("us-taiwan", "us-readout", "taiwan", "denied"));
        view.Topics.Single().Verdict.ShouldBe(Verdict.Contradicted);
        view.ClaimCount.ShouldBe(2);
        view.CurrentView().Topics.Single().Verdict.ShouldBe(Verdict.Contradicted);
        DiscrepancyRow.AllOf(view).Single().Verdict.ShouldBe(Verdict.Contradicted);
    }

    [Fact]
    public void readers_sharing_one_state_all_see_it_derived()
    {
        // The index's second stage reads one call's state from two projections at once. Readers start together on
        // a call large enough that deriving it takes a while, so a reader that did not wait would see stale values.
        var events = new List<object> { _call.Registered(), _call.Account("cn-readout", "cn-mfa", "CN"), _call.Account("us-readout", "white-house", "US") };
        for (var i = 0; i < 60; i++) events.Add(_call.Claim($"cn-{i}", "cn-readout", $"topic-{i}"));
        const int readers = 4;
        for (var round = 0; round < 100; round++)
        {
            var view = Apply(null, [.. events]);
            var seen = new int[readers];
            using var start = new Barrier(readers);
            var threads = Enumerable.Range(0, readers).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                seen[i] = view.Topics.Count(t => t.IsDiscrepancy);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            seen.ShouldAllBe(count => count == 60);
        }
    }
}
