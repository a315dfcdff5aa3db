using Claims.Domain.Calls;
using Claims.Domain.Texts;

namespace Claims.Domain.Reconciliation;

/// <summary>
/// A quote as shown: what it holds (verbatim words, an outlet's translation, a paraphrase) and, when it must stand in
/// an account's text (<see cref="QuoteAnchoring"/>), where: <paramref name="AnchoredIn"/> names the account,
/// <paramref name="TextVersion"/> the version of its text shown, <paramref name="Range"/> the words' place in it, and
/// <paramref name="MissingSince"/>, when the words are not there, the first version without them (a revision took
/// them out: the claim is flagged).
/// </summary>
public sealed record QuoteView(
    string Text, string? Language, string Kind, string? Translation, string? TranslatedBy, TextRange? Range,
    string? AnchoredIn = null, int? TextVersion = null, int? MissingSince = null);

/// <summary>A tie between two claims, shown on both: <c>outgoing</c> as this claim declares it, <c>incoming</c> when another claim declares it of this one.</summary>
public sealed record RelationView(string Claim, string Relation, string Direction)
{
    public const string Outgoing = "outgoing";
    public const string Incoming = "incoming";
}

/// <summary>A claim with its provenance: which account said it, from which source, when, where, in which words.</summary>
public sealed record ClaimView(
    string Id, string Account, string AccountKind, string? AccountTitle, string Source, string Side, string Standing,
    DateTimeOffset PublishedAt, string TimePrecision, string? Url,
    string Stance, string Statement, string? Speaker, QuoteView? Quote, Facet? Facet, ReportedVia? ReportedVia,
    IReadOnlyList<RelationView> Relations, int Version);

public sealed record TopicView(
    string Topic, string Verdict, bool Discrepancy, IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Asserting, IReadOnlyList<string> Denying, IReadOnlyList<string> Silent,
    IReadOnlyList<FacetComparison> Facets, IReadOnlyList<ClaimView> Claims);

public sealed record SourceView(string Id, string Name, string Side, string Kind, string Standing);

/// <summary>An account as a call's view lists it; <paramref name="TextVersions"/> counts the versions of its text published by the view's instant.</summary>
public sealed record AccountView(
    string Id, string Source, string Kind, DateTimeOffset PublishedAt, string TimePrecision, string? Language, string? Url,
    string? Title, int Claims, bool HasText, bool Excerpt, ArchiveCopy? Archive, int TextVersions = 0);

/// <summary>A call tied to this one, as declared by either call; the title when that call is stored.</summary>
public sealed record RelatedCallView(string Call, string Relation, string? Title);

public sealed record CallView(
    string Id, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants, IReadOnlyList<RelatedCallView> Related);

/// <summary>Which instant a view was asked for, if any.</summary>
public sealed record AsOf(DateTimeOffset? PublishedAsOf, DateTimeOffset? RecordedAsOf);

/// <summary>The reconciled view of one call (spec section 3), as the API and the pages show it.</summary>
public sealed record ReconciliationView(
    CallView Call, AsOf? AsOf, IReadOnlyList<string> NoReadout, int ClaimCount, int DiscrepancyCount,
    IReadOnlyList<SourceView> Sources, IReadOnlyList<AccountView> Accounts, IReadOnlyList<TopicView> Topics)
{
    /// <summary>
    /// Builds the view. With <paramref name="publishedAsOf"/>, only accounts published at or before that instant
    /// count: their claims, their readouts' silences, and which sides have a readout yet. <paramref name="others"/>
    /// are stored calls tied to this one (either way): their titles, and their links to this call and its claims.
    /// </summary>
    public static ReconciliationView From(
        CallReconciliation state, DateTimeOffset? publishedAsOf = null, DateTimeOffset? recordedAsOf = null,
        IReadOnlyCollection<CallReconciliation>? others = null)
    {
        Func<AccountEntry, bool>? published = publishedAsOf is { } at ? a => a.PublishedAt <= at : null;
        var accounts = state.Accounts.Where(a => published?.Invoke(a) ?? true).ToList();
        var findings = published is null ? new CallFindings(state.Topics, state.NoReadout) : state.Reconcile(published);
        var byId = accounts.ToDictionary(a => a.Id);
        var live = state.Claims.Where(c => !c.Retracted && byId.ContainsKey(c.AccountId)).ToList();
        var parties = state.Call.PartySides;
        // Relations declared by other claims of this call or of other calls, shown on the claim they point at.
        var incoming = IncomingRelations(state.Id, [state, .. others ?? []]);
        var anchors = new QuoteAnchors(state, publishedAsOf);

        var topics = findings.Topics.Select(v => new TopicView(
                v.Topic, v.Verdict, v.IsDiscrepancy, v.Findings, v.Asserting, v.Denying, v.Silent, v.Facets,
                live.Where(c => c.Content.Topic == v.Topic)
                    .Select(c => ToView(c, byId[c.AccountId], parties, incoming, anchors))
                    .OrderBy(c => c.PublishedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
                    .ToList()))
            .ToList();

        return new ReconciliationView(
            CallOf(state, others ?? []),
            publishedAsOf is null && recordedAsOf is null ? null : new AsOf(publishedAsOf, recordedAsOf),
            findings.NoReadout,
            live.Count,
            topics.Count(t => t.Discrepancy),
            accounts.Select(a => a.Source).DistinctBy(s => s.Id)
                .Select(s => new SourceView(s.Id, s.Name, s.Side, s.Kind, Standing.Of(s.Kind, s.Side, parties)))
                .OrderBy(s => Array.IndexOf(Standing.All, s.Standing))
                .ThenBy(s => parties.ToList().IndexOf(s.Side) is var i and >= 0 ? i : int.MaxValue)
                .ThenBy(s => s.Side, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList(),
            accounts.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
                .Select(a =>
                {
                    var texts = anchors.Versions(a.Id);
                    return new AccountView(a.Id, a.Source.Id, a.Kind, a.PublishedAt, a.TimePrecision ?? TimePrecision.Minute,
                        a.Language, a.Url, a.Title, live.Count(c => c.AccountId == a.Id), texts.Count > 0,
                        texts.Count > 0 && texts[^1].Text.Excerpt, a.Archive, texts.Count);
                })
                .ToList(),
            topics);
    }

    private static CallView CallOf(CallReconciliation state, IReadOnlyCollection<CallReconciliation> others)
    {
        var titles = others.Where(o => o.Call is not null).ToDictionary(o => o.Id, o => o.Call.Title);
        var declared = (state.Call.Related ?? []).Select(r => new RelatedCallView(r.Call, r.Relation, titles.GetValueOrDefault(r.Call)));
        // A link the other call declares and this one does not, shown from this side.
        var inverse = others.Where(o => o.Call is not null)
            .SelectMany(o => (o.Call.Related ?? []).Where(r => r.Call == state.Id).Select(r => new RelatedCallView(o.Id, Inverse(r.Relation), o.Call.Title)));
        var related = declared.Concat(inverse).DistinctBy(r => r.Call).ToList();
        var c = state.Call;
        return new CallView(c.Id, c.Title, c.Kind, c.Date, c.Participants, related);
    }

    public static string Inverse(string relation) => relation switch
    {
        "followed-by" => "follows",
        "follows" => "followed-by",
        "part-of" => "has-part",
        _ => relation
    };

    private static ILookup<string, RelationView> IncomingRelations(string callId, IEnumerable<CallReconciliation> others) =>
        others.SelectMany(o => o.Claims.Where(c => !c.Retracted).SelectMany(c => (c.Content.Relations ?? [])
                .Where(r => r.Claim.StartsWith(callId + "/", StringComparison.Ordinal))
                .Select(r => (Target: r.Claim[(callId.Length + 1)..], View: new RelationView($"{o.Id}/{c.Id}", r.Relation, RelationView.Incoming)))))
            .ToLookup(x => x.Target, x => x.View);

    private static ClaimView ToView(
        ClaimEntry claim, AccountEntry account, IReadOnlyList<string> parties, ILookup<string, RelationView> incoming, QuoteAnchors anchors)
    {
        var content = claim.Content;
        var anchor = anchors.Of(claim);
        var quote = content.Quote is { } q
            ? new QuoteView(q.Text, q.Language, q.KindOrDefault, q.Translation, q.TranslatedBy,
                anchor?.Range, anchor?.Account, anchor?.TextVersion, anchor?.MissingSince)
            : null;
        var relations = (content.Relations ?? []).Select(r => new RelationView(r.Claim, r.Relation, RelationView.Outgoing))
            .Concat(incoming[claim.Id])
            .ToList();
        return new ClaimView(
            claim.Id, account.Id, account.Kind, account.Title, account.Source.Id, account.Source.Side,
            Standing.Of(account.Source.Kind, account.Source.Side, parties),
            account.PublishedAt, account.TimePrecision ?? TimePrecision.Minute, account.Url,
            content.Stance, content.Statement, content.Speaker, quote, content.Facet, content.ReportedVia, relations, claim.Version);
    }
}
