using Claims.Domain.Reconciliation;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Domain.Calls;

/// <summary>Keeps the call list (<see cref="CallSummary"/>) from each call's stream.</summary>
public sealed class CallSummaryProjection : SingleStreamProjection<CallSummary, string>
{
    public override CallSummary? Evolve(CallSummary? summary, string id, IEvent e)
    {
        switch (e.Data)
        {
            case CallRegistered registered:
                summary ??= new CallSummary { Id = id };
                summary.Title = registered.Title;
                summary.Kind = registered.Kind;
                summary.Date = registered.Date;
                summary.Participants = registered.Participants.ToList();
                break;

            case AccountPublished published when summary is not null:
                summary.AccountFacts.Add(new AccountFacts(published.AccountId, published.Source.Id, published.Source.Side,
                    published.Kind, published.PublishedAt));
                break;

            case ClaimRecorded recorded when summary?.AccountFacts.Find(a => a.AccountId == recorded.AccountId) is { } account:
                summary.LiveClaims.Add(Facts(recorded.ClaimId, account, recorded.Content));
                break;

            case ClaimCorrected corrected when summary?.LiveClaims.FindIndex(c => c.ClaimId == corrected.ClaimId) is >= 0 and var index:
                var current = summary.LiveClaims[index];
                summary.LiveClaims[index] = current with
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
        summary.Changed();
        return summary;
    }

    private static ClaimFacts Facts(string claimId, AccountFacts account, ClaimContent content) =>
        new(claimId, account.AccountId, account.SourceId, account.Side, content.Topic, content.Stance, content.Facet);
}
