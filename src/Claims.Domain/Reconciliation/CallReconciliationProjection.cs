using Claims.Domain.Calls;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Aggregation;

namespace Claims.Domain.Reconciliation;

/// <summary>The inline per-call view that the API reads right after a write.</summary>
public sealed class CallReconciliationProjection : CallStateProjection<CallReconciliation>;

/// <summary>
/// Builds a call's state (<see cref="CallReconciliation"/> or a copy type) from its stream: <see cref="Apply"/> folds
/// one event into the facts, and the findings are derived once per batch of events (Marten's DetermineAction), not
/// after each. Plain code that a test runs over a list of events with no database (<see cref="Build"/>).
/// </summary>
public abstract class CallStateProjection<TView> : SingleStreamProjection<TView, string> where TView : CallReconciliation, new()
{
    public override (TView?, ActionType) DetermineAction(TView? view, string id, IReadOnlyList<IEvent> events)
    {
        view = Build(view, id, events);
        return (view, view is null ? ActionType.Nothing : ActionType.Store);
    }

    /// <summary>The state after <paramref name="events"/>, findings derived.</summary>
    public static TView? Build(TView? view, string id, IEnumerable<IEvent> events)
    {
        var changed = false;
        foreach (var e in events)
        {
            view = Apply(view, id, e);
            changed |= view is not null;
        }
        if (changed) view!.Derive();
        return view;
    }

    /// <summary>Folds one event into the facts; every event of the stream counts towards the version.</summary>
    public static TView? Apply(TView? view, string id, IEvent e)
    {
        switch (e.Data)
        {
            case CallRegistered registered:
                view ??= new TView { Id = id };
                view.Call = new CallInfo(registered.CallId, registered.Title, registered.Kind, registered.Date, registered.Participants, registered.Related);
                foreach (var related in registered.Related ?? []) view.Link(related.Call);
                break;

            case AccountPublished published when view is not null:
                view.Accounts.Add(new AccountEntry(published.AccountId, published.Source, published.Kind, published.PublishedAt,
                    published.Language, published.Url, published.Title, e.Timestamp, e.UserName,
                    published.TimePrecision, published.Text, published.Archive));
                break;

            case AccountTextRevised revised when view?.Accounts.FindIndex(a => a.Id == revised.AccountId) is >= 0 and var at:
                var account = view.Accounts[at];
                view.Accounts[at] = account with
                {
                    Revisions = [.. account.Revisions ?? [],
                        new TextRevision(revised.Text, revised.PublishedAt, revised.TimePrecision, revised.Reason, e.Timestamp, e.UserName)]
                };
                break;

            case ClaimRecorded recorded when view is not null:
                view.AddClaim(new ClaimEntry(recorded.ClaimId, recorded.AccountId, recorded.Content, null, 1,
                    e.Timestamp, e.UserName, e.Timestamp, e.UserName));
                break;

            case ClaimCorrected corrected when view?.Claim(corrected.ClaimId) is { } claim:
                view.ReplaceClaim(claim with
                {
                    Content = corrected.Content, Original = claim.Original ?? claim.Content, Version = claim.Version + 1,
                    LastChangedAt = e.Timestamp, LastChangedBy = e.UserName
                });
                break;

            case ClaimRetracted retracted when view?.Claim(retracted.ClaimId) is { } claim:
                view.ReplaceClaim(claim with
                {
                    Retracted = true, RetractionReason = retracted.Reason, Version = claim.Version + 1,
                    LastChangedAt = e.Timestamp, LastChangedBy = e.UserName
                });
                break;
        }

        if (view is null) return null;
        view.Version++;
        view.LastRecordedAt = e.Timestamp;
        return view;
    }
}
