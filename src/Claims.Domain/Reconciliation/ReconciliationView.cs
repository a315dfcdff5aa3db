using Claims.Domain.Calls;

namespace Claims.Domain.Reconciliation;

/// <summary>A claim with its provenance: which account said it, from which source, when, where, in which words.</summary>
public sealed record ClaimView(
    string Id, string Account, string AccountKind, string Source, string Side, DateTimeOffset PublishedAt, string? Url,
    string Stance, string Statement, string? Speaker, Quote? Quote, Facet? Facet, ReportedVia? ReportedVia, int Version);

public sealed record TopicView(
    string Topic, string Verdict, bool Discrepancy,
    IReadOnlyList<string> Asserting, IReadOnlyList<string> Denying, IReadOnlyList<string> Silent,
    IReadOnlyList<FacetComparison> Facets, IReadOnlyList<ClaimView> Claims);

public sealed record SourceView(string Id, string Name, string Side, string Kind);

public sealed record AccountView(
    string Id, string Source, string Kind, DateTimeOffset PublishedAt, string? Language, string? Url, string? Title, int Claims);

/// <summary>Which instant a view was asked for, if any.</summary>
public sealed record AsOf(DateTimeOffset? PublishedAsOf, DateTimeOffset? RecordedAsOf);

/// <summary>The reconciled view of one call (spec section 3), as the API and the pages show it.</summary>
public sealed record ReconciliationView(
    CallInfo Call, AsOf? AsOf, int ClaimCount, int DiscrepancyCount,
    IReadOnlyList<SourceView> Sources, IReadOnlyList<AccountView> Accounts, IReadOnlyList<TopicView> Topics)
{
    /// <summary>
    /// Builds the view. With <paramref name="publishedAsOf"/>, only accounts published at or before that instant
    /// count: their claims, and their readouts' silences.
    /// </summary>
    public static ReconciliationView From(CallReconciliation state, DateTimeOffset? publishedAsOf = null, DateTimeOffset? recordedAsOf = null)
    {
        var accounts = state.Accounts.Where(a => publishedAsOf is null || a.PublishedAt <= publishedAsOf).ToList();
        var accountIds = accounts.Select(a => a.Id).ToHashSet();
        var live = state.Claims.Where(c => !c.Retracted && accountIds.Contains(c.AccountId)).ToList();
        var verdicts = publishedAsOf is null
            ? state.Topics
            : Reconciler.Reconcile(accounts.Select(a => a.ToFacts()), state.LiveClaimFacts(a => accountIds.Contains(a.Id)));
        var byId = accounts.ToDictionary(a => a.Id);

        var topics = verdicts.Select(v => new TopicView(
                v.Topic, v.Verdict, v.IsDiscrepancy, v.Asserting, v.Denying, v.Silent, v.Facets,
                live.Where(c => c.Content.Topic == v.Topic)
                    .Select(c => ToView(c, byId[c.AccountId]))
                    .OrderBy(c => c.PublishedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
                    .ToList()))
            .ToList();

        return new ReconciliationView(
            state.Call,
            publishedAsOf is null && recordedAsOf is null ? null : new AsOf(publishedAsOf, recordedAsOf),
            live.Count,
            topics.Count(t => t.Discrepancy),
            accounts.Select(a => a.Source).DistinctBy(s => s.Id)
                .OrderBy(s => s.Side, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new SourceView(s.Id, s.Name, s.Side, s.Kind)).ToList(),
            accounts.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => new AccountView(a.Id, a.Source.Id, a.Kind, a.PublishedAt, a.Language, a.Url, a.Title,
                    live.Count(c => c.AccountId == a.Id))).ToList(),
            topics);
    }

    private static ClaimView ToView(ClaimEntry claim, AccountEntry account) => new(
        claim.Id, account.Id, account.Kind, account.Source.Id, account.Source.Side, account.PublishedAt, account.Url,
        claim.Content.Stance, claim.Content.Statement, claim.Content.Speaker, claim.Content.Quote, claim.Content.Facet,
        claim.Content.ReportedVia, claim.Version);
}
