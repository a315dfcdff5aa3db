using Claims.Domain.Calls;
using JasperFx.Events;

namespace Claims.Domain.Changes;

/// <summary>One version of a claim: what it said from then on, who made the change, when and why.</summary>
public sealed record ClaimVersion(
    int Version, string Change, DateTimeOffset RecordedAt, string? RecordedBy, string? Reason, ClaimContent? Content,
    string? CorrelationId, long Sequence);

public sealed record ClaimHistoryView(string CallId, string ClaimId, string AccountId, bool Retracted, IReadOnlyList<ClaimVersion> Versions);

public static class ClaimHistory
{
    /// <summary>Every version of one claim, read from its call's events; null when the claim was never recorded.</summary>
    public static ClaimHistoryView? From(string callId, string claimId, IEnumerable<IEvent> callEvents)
    {
        var versions = new List<ClaimVersion>();
        string? account = null;
        var retracted = false;
        foreach (var e in callEvents)
        {
            var (change, content, reason) = e.Data switch
            {
                ClaimRecorded r when r.ClaimId == claimId => ("recorded", r.Content, (string?)null),
                ClaimCorrected c when c.ClaimId == claimId => ("corrected", c.Content, c.Reason),
                ClaimRetracted x when x.ClaimId == claimId => ("retracted", (ClaimContent?)null, x.Reason),
                _ => (null, null, null)
            };
            if (change is null) continue;
            if (e.Data is ClaimRecorded recorded) account = recorded.AccountId;
            retracted |= change == "retracted";
            versions.Add(new ClaimVersion(versions.Count + 1, change, e.Timestamp, e.UserName, reason, content, e.CorrelationId, e.Sequence));
        }
        return account is null ? null : new ClaimHistoryView(callId, claimId, account, retracted, versions);
    }
}
