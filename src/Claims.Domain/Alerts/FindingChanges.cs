using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;
using JasperFx.Events;

namespace Claims.Domain.Alerts;

/// <summary>
/// Which discrepancy findings of a call appeared or disappeared between two states. A finding is the same one while
/// its topic, kind and what it is about (the silent side, the facet) stay: an omission that one more readout joins
/// is not a new alert.
/// </summary>
public static class FindingChanges
{
    /// <summary>The discrepancy findings of a state, by key.</summary>
    public static Dictionary<string, (string Topic, Finding Finding)> Of(CallReconciliation? call)
    {
        var found = new Dictionary<string, (string, Finding)>(StringComparer.Ordinal);
        foreach (var topic in call?.Topics ?? [])
        foreach (var finding in topic.Findings.Where(f => f.IsDiscrepancy))
            found.TryAdd(KeyOf(topic.Topic, finding), (topic.Topic, finding));
        return found;
    }

    public static string KeyOf(string topic, Finding f) => $"{topic}/{f.Kind}" + (f.Side ?? f.Facet) switch
    {
        null => "",
        var about => $"/{about}"
    };

    /// <summary>The alerts for what changed from <paramref name="before"/> to the state <paramref name="after"/>, at the last of <paramref name="events"/>.</summary>
    public static List<DiscrepancyAlert> Between(
        Dictionary<string, (string Topic, Finding Finding)> before, CallReconciliation after, IReadOnlyList<IEvent> events)
    {
        var now = Of(after);
        var alerts = new List<DiscrepancyAlert>();
        if (events.Count == 0) return alerts;
        var last = events[^1];
        var view = after.CurrentView();
        var names = view.Sources.ToDictionary(s => s.Id, s => s.Name);
        var sides = view.Sources.ToDictionary(s => s.Id, s => s.Side);

        DiscrepancyAlert Alert(string key, string change, string topic, Finding finding)
        {
            var topicView = view.Topics.FirstOrDefault(t => t.Topic == topic);
            var named = finding.Named.ToList();
            return new DiscrepancyAlert
            {
                Id = $"{after.Id}/{last.Sequence}/{key}",
                Change = change,
                Sequence = last.Sequence,
                At = last.Timestamp,
                By = last.UserName,
                CallId = after.Id,
                CallTitle = after.Call.Title,
                CallDate = after.Call.Date,
                Participants = after.Call.Participants.ToList(),
                Topic = topic,
                Kind = finding.Kind,
                Finding = finding,
                Description = FindingText.Describe(finding, id => names.GetValueOrDefault(id, id)),
                VerdictNow = topicView?.Verdict,
                SourceIds = named,
                Sides = named.Select(id => sides.GetValueOrDefault(id)).Append(finding.Side).OfType<string>()
                    .Distinct().Order(StringComparer.Ordinal).ToList(),
                SearchText = SearchKeys.TextOf((topicView?.Claims ?? []).SelectMany(c =>
                    new[] { c.Statement, c.Quote?.Text, c.Quote?.Translation, c.Speaker }))
            };
        }

        foreach (var (key, (topic, finding)) in now.Where(n => !before.ContainsKey(n.Key)))
            alerts.Add(Alert(key, DiscrepancyAlert.Appeared, topic, finding));
        foreach (var (key, (topic, finding)) in before.Where(b => !now.ContainsKey(b.Key)))
            alerts.Add(Alert(key, DiscrepancyAlert.Disappeared, topic, finding));
        return alerts;
    }
}
