using Claims.Domain.Calls;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Domain.Reconciliation;

/// <summary>The inline per-call view that the API reads right after a write.</summary>
public sealed class CallReconciliationProjection : CallStateProjection<CallReconciliation>;

/// <summary>
/// Builds a call's state (<see cref="CallReconciliation"/> or a copy type) from its stream. One explicit
/// <see cref="Evolve"/> keeps the logic in plain code that a test can run over a list of events with no database.
/// </summary>
public abstract class CallStateProjection<TView> : SingleStreamProjection<TView, string> where TView : CallReconciliation, new()
{
    public override TView? Evolve(TView? view, string id, IEvent e)
    {
        switch (e.Data)
        {
            case CallRegistered registered:
                view ??= new TView { Id = id };
                view.Call = new CallInfo(registered.CallId, registered.Title, registered.Kind, registered.Date, registered.Participants);
                break;

            case AccountPublished published when view is not null:
                view.Accounts.Add(new AccountEntry(published.AccountId, published.Source, published.Kind, published.PublishedAt,
                    published.Language, published.Url, published.Title, e.Timestamp, e.UserName));
                break;

            case ClaimRecorded recorded when view is not null:
                view.Claims.Add(new ClaimEntry(recorded.ClaimId, recorded.AccountId, recorded.Content, null, 1,
                    e.Timestamp, e.UserName, e.Timestamp, e.UserName));
                view.Remember(recorded.Content.Topic);
                break;

            case ClaimCorrected corrected when view?.Claim(corrected.ClaimId) is { } claim:
                Replace(view, claim, claim with
                {
                    Content = corrected.Content, Original = claim.Original ?? claim.Content, Version = claim.Version + 1,
                    LastChangedAt = e.Timestamp, LastChangedBy = e.UserName
                });
                view.Remember(corrected.Content.Topic);
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
        view.Changed();
        return view;
    }

    private static void Replace(TView view, ClaimEntry old, ClaimEntry updated) =>
        view.Claims[view.Claims.IndexOf(old)] = updated;
}
