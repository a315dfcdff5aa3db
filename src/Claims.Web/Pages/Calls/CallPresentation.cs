using Claims.Domain;
using Claims.Domain.Reconciliation;

namespace Claims.Web.Pages.Calls;

/// <summary>A group of the matrix's columns: one party side, the third parties, or the independent sources.</summary>
public sealed record ColumnGroup(string Label, string Standing, IReadOnlyList<SourceColumn> Sources);

/// <summary>One source's column, and what kinds of account it published (readouts marked apart from interviews).</summary>
public sealed record SourceColumn(SourceView Source, bool HasReadout, IReadOnlyList<string> AccountKinds);

/// <summary>
/// How the call page lays out a view: columns grouped by standing (each party side, then third parties, then
/// independent sources), and findings written out with who made them, where and when.
/// </summary>
public sealed class CallPresentation(ReconciliationView full, ReconciliationView shown)
{
    private readonly Dictionary<string, SourceView> _sources = full.Sources.ToDictionary(s => s.Id);

    public IReadOnlyList<ColumnGroup> Columns { get; } = Group(full);

    public string CallId => full.Call.Id;

    /// <summary>The query that keeps a link on the instant shown (empty when everything recorded is shown).</summary>
    public string AsOfQuery => shown.AsOf?.PublishedAsOf is { } at ? $"?publishedAsOf={Uri.EscapeDataString(Display.Instant(at))}" : "";
    public DateOnly CallDate => full.Call.Date;

    public SourceView Source(string id) => _sources[id];

    public string Name(string id) => _sources.TryGetValue(id, out var s) ? s.Name : id;

    public bool HasAccount(string sourceId) => shown.Accounts.Any(a => a.Source == sourceId);

    private static List<ColumnGroup> Group(ReconciliationView view)
    {
        SourceColumn Column(SourceView s)
        {
            var kinds = view.Accounts.Where(a => a.Source == s.Id).Select(a => a.Kind).Distinct().ToList();
            return new SourceColumn(s, kinds.Contains(Vocabulary.Readout), kinds);
        }
        var groups = new List<ColumnGroup>();
        var parties = view.Call.Participants.Select(p => p.Side).Distinct().ToList();
        foreach (var side in parties)
        {
            var sources = view.Sources.Where(s => s.Standing == Standing.Party && s.Side == side)
                .Select(Column).OrderByDescending(c => c.HasReadout).ToList();
            groups.Add(new ColumnGroup(side, Standing.Party, sources));
        }
        var third = view.Sources.Where(s => s.Standing == Standing.ThirdParty).Select(Column).ToList();
        if (third.Count > 0) groups.Add(new ColumnGroup("Third parties", Standing.ThirdParty, third));
        var independent = view.Sources.Where(s => s.Standing == Standing.Independent).Select(Column).ToList();
        if (independent.Count > 0) groups.Add(new ColumnGroup("Independent", Standing.Independent, independent));
        return groups.Where(g => g.Sources.Count > 0 || g.Standing == Standing.Party).ToList();
    }

    /// <summary>
    /// Every finding of a topic in words, each source by name; a source that spoke to it only outside a readout is
    /// placed: "corroborated by US Treasury Secretary Bessent (interview, next day)".
    /// </summary>
    public IReadOnlyList<string> Findings(TopicView topic) =>
        topic.Findings.Select(f => FindingText.Describe(f, id => Placed(topic, id))).ToList();

    /// <summary>
    /// The findings of a topic in a line, as a journalist would say them: the readouts by side, other voices by name
    /// with where and when ("omitted by the US readouts · corroborated by the CN readouts and US Treasury Secretary
    /// Bessent (interview, next day)").
    /// </summary>
    public string Glance(TopicView topic) => string.Join(" · ", topic.Findings.Select(f => f.Kind switch
    {
        FindingKind.Omitted => $"omitted by the {f.Side} readout{((f.Sources?.Count ?? 0) > 1 ? "s" : "")}",
        FindingKind.Corroborated => $"corroborated by {Voices(topic, f.Sources ?? [])}",
        FindingKind.OneSided => $"one-sided: asserted only by {Voices(topic, f.Sources ?? [])}",
        _ => FindingText.Describe(f, id => Placed(topic, id))
    }));

    /// <summary>Sources that spoke in their side's readouts as "the CN readouts"; the others by name, placed.</summary>
    private string Voices(TopicView topic, IEnumerable<string> sources)
    {
        var ids = sources.ToList();
        bool InReadout(string id) => topic.Claims.Any(c => c.Source == id && c.AccountKind == Vocabulary.Readout);
        var readouts = ids.Where(InReadout).GroupBy(id => Source(id).Side)
            .Select(g => $"the {g.Key} readout{(g.Count() > 1 ? "s" : "")}");
        return FindingText.And(readouts.Concat(ids.Where(id => !InReadout(id)).Select(id => Placed(topic, id))));
    }

    /// <summary>Party voices first (readouts before the rest), then third parties and independents; each in time order.</summary>
    public static IEnumerable<ClaimView> InOrder(TopicView topic) =>
        topic.Claims.OrderBy(c => Array.IndexOf(Standing.All, c.Standing))
            .ThenBy(c => c.AccountKind == Vocabulary.Readout ? 0 : 1)
            .ThenBy(c => c.PublishedAt).ThenBy(c => c.Id, StringComparer.Ordinal);

    /// <summary>Where a related claim is, and how to name it: its source and statement when it is in this call's view.</summary>
    public (string Url, string Text) RelationTarget(string reference)
    {
        var slash = reference.IndexOf('/');
        var (callId, claimId) = (reference[..slash], reference[(slash + 1)..]);
        if (callId == full.Call.Id && full.Topics.SelectMany(t => t.Claims).FirstOrDefault(c => c.Id == claimId) is { } claim)
            return ($"#claim-{claimId}", $"{Name(claim.Source)}: {Clip(claim.Statement)}");
        var title = full.Call.Related.FirstOrDefault(r => r.Call == callId)?.Title;
        return (ClaimUrl(reference), $"claim {claimId} of {title ?? callId}");
    }

    private static string Clip(string text) => text.Length <= 90 ? text : text[..text.LastIndexOf(' ', 88)] + "…";

    private string Placed(TopicView topic, string sourceId)
    {
        var claims = topic.Claims.Where(c => c.Source == sourceId).ToList();
        if (claims.Count == 0 || claims.Any(c => c.AccountKind == Vocabulary.Readout)) return Name(sourceId);
        var first = claims.MinBy(c => c.PublishedAt)!;
        return $"{Name(sourceId)} ({first.AccountKind}, {Display.DaysAfter(full.Call.Date, first.PublishedAt)})";
    }

    /// <summary>The party sides that published no readout by the instant shown, with the participant of each.</summary>
    public IReadOnlyList<(string Side, string Who)> NoReadout =>
        shown.NoReadout.Select(side => (side, string.Join(" and ", full.Call.Participants.Where(p => p.Side == side).Select(p => p.Name)))).ToList();

    public static string RelatedWords(string relation) => relation switch
    {
        "followed-by" => "Followed by",
        "follows" => "Follows",
        "part-of" => "Part of",
        "has-part" => "Includes",
        _ => "See also"
    };

    public static string RelationWords(RelationView r) => (r.Relation, r.Direction) switch
    {
        ("responds-to", RelationView.Outgoing) => "Responds to",
        ("responds-to", _) => "Responded to by",
        ("rebutted-by", RelationView.Outgoing) => "Rebutted by",
        ("rebutted-by", _) => "Rebuts",
        ("clarifies", RelationView.Outgoing) => "Clarifies",
        ("clarifies", _) => "Clarified by",
        ("repeats", RelationView.Outgoing) => "Repeats",
        ("repeats", _) => "Repeated by",
        _ => r.Relation
    };

    /// <summary>The page of a claim named <c>callId/claimId</c>, and the anchor of it on its call's page.</summary>
    public static string ClaimUrl(string reference)
    {
        var slash = reference.IndexOf('/');
        return $"/calls/{Uri.EscapeDataString(reference[..slash])}/claims/{Uri.EscapeDataString(reference[(slash + 1)..])}";
    }
}
