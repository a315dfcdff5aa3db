using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;

namespace Claims.Domain.Sources;

/// <summary>What one source did in one call: its accounts, its claims, and the discrepancies it took part in.</summary>
public sealed record SourceInCall(
    string CallId, string CallTitle, DateOnly CallDate, IReadOnlyList<AccountView> Accounts,
    int Asserted, int Denied,
    IReadOnlyList<string> SilentOn, IReadOnlyList<string> Contradicted, IReadOnlyList<string> Diverged);

/// <summary>
/// A source's track record across calls (document id = source id), kept by the async daemon from each call's
/// state: how often its readouts were silent on a topic others asserted (omissions), and how often it took part
/// in a contradiction or a divergence.
/// </summary>
public sealed class SourceRecord
{
    public string Id { get; set; } = "";
    public Dictionary<string, SourceInCall> Calls { get; set; } = [];

    public int CallCount { get; set; }
    public int AccountCount { get; set; }
    public int ReadoutCount { get; set; }
    public int SilentOnAsserted { get; set; }
    public int Contradictions { get; set; }
    public int Divergences { get; set; }

    /// <summary>Replaces what this source did in one call, and re-counts.</summary>
    public void Update(CallReconciliation call)
    {
        var view = ReconciliationView.From(call);
        var accounts = view.Accounts.Where(a => a.Source == Id).ToList();
        if (accounts.Count == 0) Calls.Remove(call.Id);
        else
        {
            var claims = view.Topics.SelectMany(t => t.Claims).Where(c => c.Source == Id).ToList();
            var involved = view.Topics.Where(t => t.Asserting.Contains(Id) || t.Denying.Contains(Id)).ToList();
            Calls[call.Id] = new SourceInCall(call.Id, call.Call.Title, call.Call.Date, accounts,
                claims.Count(c => c.Stance == Stance.Asserted), claims.Count(c => c.Stance == Stance.Denied),
                view.Topics.Where(t => t.Asserting.Count > 0 && t.Silent.Contains(Id)).Select(t => t.Topic).ToList(),
                involved.Where(t => t.Verdict == Verdict.Contradicted).Select(t => t.Topic).ToList(),
                involved.Where(t => t.Facets.Any(f => f.Differs && f.Values.Any(v => v.Source == Id))).Select(t => t.Topic).ToList());
        }

        CallCount = Calls.Count;
        AccountCount = Calls.Values.Sum(c => c.Accounts.Count);
        ReadoutCount = Calls.Values.Sum(c => c.Accounts.Count(a => a.Kind == Vocabulary.Readout));
        SilentOnAsserted = Calls.Values.Sum(c => c.SilentOn.Count);
        Contradictions = Calls.Values.Sum(c => c.Contradicted.Count);
        Divergences = Calls.Values.Sum(c => c.Diverged.Count);
    }
}
