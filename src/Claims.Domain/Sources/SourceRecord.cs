using Claims.Domain.Reconciliation;

namespace Claims.Domain.Sources;

/// <summary>
/// What one source did in one call (document id <c>{sourceId}/{callId}</c>), kept by the async daemon from the
/// call's state: its accounts, its claims, and the discrepancies it took part in. One small document per pair,
/// so a busy source's record never grows into one large document rewritten on every call.
/// </summary>
public sealed class SourceRecord
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public DateOnly CallDate { get; set; }
    public List<AccountView> Accounts { get; set; } = [];
    public int Readouts { get; set; }
    public int Asserted { get; set; }
    public int Denied { get; set; }
    /// <summary>Topics another source asserted while this source's readout said nothing of them.</summary>
    public List<string> SilentOn { get; set; } = [];
    public List<string> Contradicted { get; set; } = [];
    public List<string> Diverged { get; set; } = [];

    public static string RecordId(string sourceId, string callId) => $"{sourceId}/{callId}";

    /// <summary>The record of one source in one call, or null when the source has no account of the call.</summary>
    public static SourceRecord? From(CallReconciliation call, string sourceId)
    {
        var view = call.CurrentView();
        var accounts = view.Accounts.Where(a => a.Source == sourceId).ToList();
        if (accounts.Count == 0) return null;

        var claims = view.Topics.SelectMany(t => t.Claims).Where(c => c.Source == sourceId).ToList();
        var involved = view.Topics.Where(t => t.Asserting.Contains(sourceId) || t.Denying.Contains(sourceId)).ToList();
        return new SourceRecord
        {
            Id = RecordId(sourceId, call.Id),
            SourceId = sourceId,
            CallId = call.Id,
            CallTitle = call.Call.Title,
            CallDate = call.Call.Date,
            Accounts = accounts,
            Readouts = accounts.Count(a => a.Kind == Vocabulary.Readout),
            Asserted = claims.Count(c => c.Stance == Stance.Asserted),
            Denied = claims.Count(c => c.Stance == Stance.Denied),
            SilentOn = view.Topics.Where(t => t.Asserting.Count > 0 && t.Silent.Contains(sourceId)).Select(t => t.Topic).ToList(),
            Contradicted = involved.Where(t => t.Verdict == Verdict.Contradicted).Select(t => t.Topic).ToList(),
            Diverged = involved.Where(t => t.Facets.Any(f => f.Differs && f.Values.Any(v => v.Source == sourceId))).Select(t => t.Topic).ToList()
        };
    }
}
