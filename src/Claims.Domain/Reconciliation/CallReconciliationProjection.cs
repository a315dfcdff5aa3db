using Claims.Domain.Calls;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Domain.Reconciliation;

/// <summary>
/// Builds <see cref="CallReconciliation"/> from a call's stream. One explicit <see cref="Evolve"/> keeps the
/// logic in plain code that a test can run over a list of events with no database.
/// </summary>
public sealed class CallReconciliationProjection : SingleStreamProjection<CallReconciliation, string>
{
    public override CallReconciliation? Evolve(CallReconciliation? view, string id, IEvent e)
    {
        switch (e.Data)
        {
            case CallRegistered registered:
                view ??= new CallReconciliation { Id = id };
                view.Call = new CallInfo(registered.CallId, registered.Title, registered.Kind, registered.Date, registered.Participants);
                break;

            case AccountPublished published when view is not null:
                view.Accounts.Add(new AccountEntry(published.AccountId, published.Source, published.Kind, published.PublishedAt,
                    published.Language, published.Url, published.Title, e.Timestamp, e.UserName));
                break;

            case ClaimRecorded recorded when view is not null:
                view.Claims.Add(new ClaimEntry(recorded.ClaimId, recorded.AccountId, recorded.Content, recorded.Content, 1,
                    e.Timestamp, e.UserName, e.Timestamp, e.UserName));
                break;

            case ClaimCorrected corrected when view?.Claim(corrected.ClaimId) is { } claim:
                Replace(view, claim, claim with
                {
                    Content = corrected.Content, Version = claim.Version + 1, LastChangedAt = e.Timestamp, LastChangedBy = e.UserName
                });
                break;

            case ClaimRetracted retracted when view?.Claim(retracted.ClaimId) is { } claim:
                Replace(view, claim, claim with
                {
                    Retracted = true, RetractionReason = retracted.Reason, Version = claim.Version + 1,
                    LastChangedAt = e.Timestamp, LastChangedBy = e.UserName
                });
                break;

            default:
                return view;
        }

        view.Version = e.Version;
        view.LastRecordedAt = e.Timestamp;
        view.Reconcile();
        return view;
    }

    private static void Replace(CallReconciliation view, ClaimEntry old, ClaimEntry updated) =>
        view.Claims[view.Claims.IndexOf(old)] = updated;
}
