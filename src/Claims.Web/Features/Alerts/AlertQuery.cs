using Claims.Domain.Alerts;
using Claims.Domain.Texts;
using Claims.Web.Features.Discrepancies;
using Marten;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// The discrepancy API's filters applied to alerts: in the database for the Atom feed, in memory for a webhook's
/// filter, with one expression. <c>q</c> matches the folded words of the topic's claims, or a topic it names.
/// </summary>
public static class AlertQuery
{
    public static IQueryable<DiscrepancyAlert> Filter(this DiscrepancyQuery q, IQueryable<DiscrepancyAlert> alerts)
    {
        if (q.Topic is { } topic) alerts = alerts.Where(a => a.Topic == topic);
        if (q.Verdicts is { Count: > 0 })
        {
            var kinds = q.Verdicts.ToArray();
            alerts = alerts.Where(a => kinds.Contains(a.Kind));
        }
        if (q.Source is { } source) alerts = alerts.Where(a => a.SourceIds.Contains(source));
        if (q.Side is { } side) alerts = alerts.Where(a => a.Sides.Contains(side));
        if (q.From is { } from) alerts = alerts.Where(a => a.CallDate >= from);
        if (q.To is { } to) alerts = alerts.Where(a => a.CallDate <= to);
        if (q.Text is { } text)
        {
            var term = FoldedText.Fold(text, Folding.Search);
            var topics = TopicLabels.Active.TopicsNamedBy(text).ToArray();
            alerts = alerts.Where(a => (term.Length > 0 && a.SearchText.Contains(term)) || topics.Contains(a.Topic));
        }
        return alerts;
    }

    /// <summary>The newest alerts that pass the filters, newest first.</summary>
    public static Task<IReadOnlyList<DiscrepancyAlert>> NewestAsync(this DiscrepancyQuery q, IQuerySession session, int count, CancellationToken ct) =>
        q.Filter(session.Query<DiscrepancyAlert>()).OrderByDescending(a => a.Sequence).ThenBy(a => a.Id).Take(count).ToListAsync(ct);
}
