namespace Claims.Domain.Reconciliation;

/// <summary>
/// The reconciliation rules of spec section 3 as one pure function: the call's party sides, its accounts and live
/// claims in; every finding per topic, the topics ranked, and the party sides without a readout out. Everything
/// that shows a finding (projections, as-of views, the index, exports) calls this.
/// </summary>
public static class Reconciler
{
    /// <summary>
    /// The contract version whose rules this is. Views derived by an older version are brought up to date by replaying
    /// the events (<c>projections rebuild</c>); the tracker warns at start while any stored view is older.
    /// </summary>
    public const int RulesVersion = 2;

    public static CallFindings Reconcile(IReadOnlyList<string> partySides, IEnumerable<AccountFacts> accounts, IEnumerable<ClaimFacts> liveClaims)
    {
        var call = new CallContext(partySides, accounts.ToList());
        var topics = liveClaims
            .Where(c => call.Accounts.ContainsKey(c.AccountId))
            .GroupBy(c => c.Topic, StringComparer.Ordinal)
            .Select(topic => Decide(topic.Key, topic.ToList(), call))
            .OrderByDescending(t => t.IsDiscrepancy)
            .ThenByDescending(t => t.PartySpeakers)
            .ThenBy(t => FindingKind.Rank(t.Verdict))
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
        return new CallFindings(topics, call.NoReadout);
    }

    /// <summary>What the rules need to know of the call as a whole, worked out once for all its topics.</summary>
    private sealed class CallContext
    {
        public IReadOnlyDictionary<string, AccountFacts> Accounts { get; }
        public IReadOnlyDictionary<string, string> StandingOf { get; }
        public IReadOnlyDictionary<string, string> SideOf { get; }
        /// <summary>Each party side's readouts: accounts of kind readout by a source of party standing.</summary>
        public IReadOnlyDictionary<string, List<AccountFacts>> ReadoutsBySide { get; }
        /// <summary>
        /// Every party source with a readout of the call: who the matrix shows as silent on a topic it says nothing of.
        /// Third-party and independent sources are never silent (a newspaper's "readout" is no party's summary).
        /// </summary>
        public IReadOnlySet<string> ReadoutSources { get; }
        public IReadOnlyList<string> NoReadout { get; }

        public CallContext(IReadOnlyList<string> partySides, List<AccountFacts> accounts)
        {
            var parties = partySides.Distinct().ToList();
            Accounts = accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
            StandingOf = accounts.GroupBy(a => a.SourceId).ToDictionary(g => g.Key, g => Standing.Of(g.First().SourceKind, g.First().Side, parties));
            SideOf = accounts.GroupBy(a => a.SourceId).ToDictionary(g => g.Key, g => g.First().Side);
            var readouts = accounts.Where(a => a.Kind == Vocabulary.Readout && StandingOf[a.SourceId] == Standing.Party).ToList();
            ReadoutsBySide = readouts.GroupBy(a => a.Side).ToDictionary(g => g.Key, g => g.ToList());
            ReadoutSources = readouts.Select(a => a.SourceId).ToHashSet(StringComparer.Ordinal);
            NoReadout = parties.Where(side => !ReadoutsBySide.ContainsKey(side)).ToList();
        }

        public bool IsParty(string sourceId) => StandingOf[sourceId] == Standing.Party;
        public bool IsPartyReadout(string accountId) => Accounts[accountId] is { Kind: Vocabulary.Readout } a && IsParty(a.SourceId);
    }

    private static TopicVerdict Decide(string topic, IReadOnlyList<ClaimFacts> claims, CallContext call)
    {
        var asserted = claims.Where(c => c.Stance == Stance.Asserted).ToList();
        var asserting = Sorted(asserted.Select(c => c.SourceId));
        var denying = Sorted(claims.Where(c => c.Stance == Stance.Denied).Select(c => c.SourceId));
        var speaking = Sorted(claims.Select(c => c.SourceId));
        var partyAsserting = asserting.Where(call.IsParty).ToList();
        var facets = CompareFacets(asserted, call);

        var findings = new List<Finding>();
        if (asserting.Count > 0 && denying.Count > 0 && speaking.Any(call.IsParty))
            findings.Add(Finding.Contradicted(asserting, denying));
        findings.AddRange(Omissions(claims, asserted, call));
        findings.AddRange(facets.Where(f => f.Differs).Select(f =>
            Finding.Divergent(f.Key, f.Values.Select(v => new FindingValue(v.Source, v.Value)).ToList())));
        var assertingSides = Sorted(partyAsserting.Select(s => call.SideOf[s]));
        if (assertingSides.Count >= 2)
            findings.Add(Finding.Corroborated(assertingSides, partyAsserting));
        if (!speaking.Any(call.IsParty))
            findings.Add(Finding.Unconfirmed(speaking));
        if (asserting.Count == 0 && denying.Count > 0)
            findings.Add(Finding.Denied(denying));
        // Every topic has a finding: with no party source speaking it is unconfirmed; a party source that only
        // denies is contradicted or denied; party sources asserting from two sides corroborate; so one side is left.
        if (findings.Count == 0)
            findings.Add(Finding.OneSided(assertingSides.Single(), partyAsserting));

        var silent = call.ReadoutSources.Where(s => !speaking.Contains(s)).Order(StringComparer.Ordinal).ToList();
        return new TopicVerdict(topic, findings[0].Kind, findings, asserting, denying, silent, facets, speaking.Count(call.IsParty));
    }

    /// <summary>
    /// One omission per party side whose readouts all say nothing of the topic while a readout of another party
    /// side asserts it. Silence is a property of a side's readouts: its officials' interviews do not fill it.
    /// </summary>
    private static IEnumerable<Finding> Omissions(IReadOnlyList<ClaimFacts> claims, IReadOnlyList<ClaimFacts> asserted, CallContext call)
    {
        var assertedInReadouts = asserted.Where(c => call.IsPartyReadout(c.AccountId)).Select(c => call.SideOf[c.SourceId]).ToHashSet();
        if (assertedInReadouts.Count == 0) yield break;
        var accountsSpeaking = claims.Select(c => c.AccountId).ToHashSet(StringComparer.Ordinal);
        foreach (var (side, readouts) in call.ReadoutsBySide.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (readouts.Any(r => accountsSpeaking.Contains(r.AccountId)) || !assertedInReadouts.Any(s => s != side)) continue;
            yield return Finding.Omitted(side, Sorted(readouts.Select(r => r.SourceId)));
        }
    }

    /// <summary>
    /// Facet values of asserting sources, per key. A key differs when two different sources give values that are
    /// not the same (compared trimmed and case-insensitively: "Unchanged" and "unchanged" agree). One source
    /// giving two values does not make a divergence on its own.
    /// </summary>
    private static List<FacetComparison> CompareFacets(IEnumerable<ClaimFacts> asserted, CallContext call)
    {
        var comparisons = new List<FacetComparison>();
        foreach (var key in asserted.Where(c => c.Facet is not null).GroupBy(c => c.Facet!.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var values = key
                .GroupBy(c => (c.SourceId, Value: Normalise(c.Facet!.Value)))
                .Select(g => new FacetValue(g.Key.SourceId, call.SideOf[g.Key.SourceId], g.First().Facet!.Value.Trim(),
                    g.Select(c => c.ClaimId).Order(StringComparer.Ordinal).ToList()))
                .OrderBy(v => v.Source, StringComparer.Ordinal).ThenBy(v => v.Value, StringComparer.Ordinal)
                .ToList();
            var differs = values.Any(a => values.Any(b => a.Source != b.Source && Normalise(a.Value) != Normalise(b.Value)));
            comparisons.Add(new FacetComparison(key.Key, differs, values));
        }
        return comparisons;
    }

    private static List<string> Sorted(IEnumerable<string> ids) => ids.Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Normalise(string value) => value.Trim().ToLowerInvariant();
}
