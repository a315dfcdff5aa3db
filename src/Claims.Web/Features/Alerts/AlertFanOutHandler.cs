using Claims.Domain.Alerts;
using Marten;
using Wolverine;

namespace Claims.Web.Features.Alerts;

public static class AlertFanOutHandler
{
    /// <summary>A change's alerts, fanned out to every active subscription whose filter they pass, one delivery each.</summary>
    public static async Task<OutgoingMessages> Handle(AlertsRaised raised, IQuerySession session, CancellationToken ct)
    {
        var subscriptions = await session.Query<WebhookSubscription>().Where(s => s.EndedAt == null).ToListAsync(ct);
        var outgoing = new OutgoingMessages();
        foreach (var subscription in subscriptions)
        {
            foreach (var alert in subscription.Filter.ToQuery().Filter(raised.Alerts.AsQueryable()))
                outgoing.Add(new DeliverAlert(subscription.Id, alert.Id));
        }
        return outgoing;
    }
}
