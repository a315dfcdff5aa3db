using Claims.Domain.Reconciliation;

namespace Claims.Domain.Sources;

/// <summary>
/// What one source did in one call (document id <c>{sourceId}/{callId}</c>), kept by the async daemon from the
/// call's state: its accounts, its claims, its standing, and the discrepancy findings that name it. Counted from the
/// same findings as the call's view, so a source's page never disagrees with the call's.
/// </summary>
public sealed class SourceRecord
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public DateOnly CallDate { get; set; }
    public string Standing { get; set; } = "";
    public List<AccountView> Accounts { get; set; } = [];
    public int Readouts { get; set; }
    public int Asserted { get; set; }
    public int Denied { get; set; }
    /// <summary>Topics its side's readouts left out while another party's readout asserted them (omitted findings naming it).</summary>
    public List<string> SilentOn { get; set; } = [];
    /// <summary>Topics it asserted or denied that were contradicted.</summary>
    public List<string> Contradicted { get; set; } = [];
    /// <summary>Topics on which it gave a facet value that another source's value diverges from.</summary>
    public List<string> Diverged { get; set; } = [];

    public static string RecordId(string sourceId, string callId) => $"{sourceId}/{callId}";

    /// <summary>The record of one source in one call, or null when the source has no account of the call.</summary>
    public static SourceRecord? From(CallReconciliation call, string sourceId)
    {
        var view = call.CurrentView();
        var accounts = view.Accounts.Where(a => a.Source == sourceId).ToList();
        if (accounts.Count == 0) return null;

        var claims = view.Topics.SelectMany(t => t.Claims).Where(c => c.Source == sourceId).ToList();
        List<string> Naming(string kind) => view.Topics
            .Where(t => t.Findings.Any(f => f.Kind == kind && f.Named.Contains(sourceId)))
            .Select(t => t.Topic).Order(StringComparer.Ordinal).ToList();
        return new SourceRecord
        {
            Id = RecordId(sourceId, call.Id),
            SourceId = sourceId,
            CallId = call.Id,
            CallTitle = call.Call.Title,
            CallDate = call.Call.Date,
            Standing = view.Sources.First(s => s.Id == sourceId).Standing,
            Accounts = accounts,
            // A newspaper's "readout" is no party's summary: only a party's readouts count as readouts.
            Readouts = view.Sources.First(s => s.Id == sourceId).Standing == Reconciliation.Standing.Party
                ? accounts.Count(a => a.Kind == Vocabulary.Readout) : 0,
            Asserted = claims.Count(c => c.Stance == Stance.Asserted),
            Denied = claims.Count(c => c.Stance == Stance.Denied),
            SilentOn = Naming(FindingKind.Omitted),
            Contradicted = Naming(FindingKind.Contradicted),
            Diverged = Naming(FindingKind.Divergent)
        };
    }
}
