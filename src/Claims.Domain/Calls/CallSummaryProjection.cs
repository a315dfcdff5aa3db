using Claims.Domain.Reconciliation;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Aggregation;

namespace Claims.Domain.Calls;

/// <summary>Keeps the call list (<see cref="CallSummary"/>) from each call's stream, deriving its counts once per batch.</summary>
public sealed class CallSummaryProjection : SingleStreamProjection<CallSummary, string>
{
    public override (CallSummary?, ActionType) DetermineAction(CallSummary? summary, string id, IReadOnlyList<IEvent> events)
    {
        var changed = false;
        foreach (var e in events)
        {
            summary = Apply(summary, id, e, ref changed);
        }
        if (changed) summary!.Derive();
        return (summary, summary is null ? ActionType.Nothing : ActionType.Store);
    }

    private static CallSummary? Apply(CallSummary? summary, string id, IEvent e, ref bool changed)
    {
        switch (e.Data)
        {
            case CallRegistered registered:
                summary ??= new CallSummary { Id = id };
                summary.Title = registered.Title;
                summary.Kind = registered.Kind;
                summary.Date = registered.Date;
                summary.Participants = registered.Participants.ToList();
                summary.Related = registered.Related?.ToList() ?? [];
                break;

            case AccountPublished published when summary is not null:
                summary.AccountFacts.Add(new AccountFacts(published.AccountId, published.Source.Id, published.Source.Side,
                    published.Source.Kind, published.Kind, published.PublishedAt));
                break;

            case ClaimRecorded recorded when summary?.AccountFacts.Find(a => a.AccountId == recorded.AccountId) is { } account:
                summary.LiveClaims.Add(new ClaimFacts(recorded.ClaimId, account.AccountId, account.SourceId,
                    recorded.Content.Topic, recorded.Content.Stance, recorded.Content.Facet));
                break;

            case ClaimCorrected corrected when summary?.LiveClaims.FindIndex(c => c.ClaimId == corrected.ClaimId) is >= 0 and var index:
                summary.LiveClaims[index] = summary.LiveClaims[index] with
                {
                    Topic = corrected.Content.Topic, Stance = corrected.Content.Stance, Facet = corrected.Content.Facet
                };
                break;

            case ClaimRetracted retracted when summary is not null:
                summary.LiveClaims.RemoveAll(c => c.ClaimId == retracted.ClaimId);
                break;

            default:
                return summary;
        }

        summary.LastRecordedAt = e.Timestamp;
        changed = true;
        return summary;
    }
}
