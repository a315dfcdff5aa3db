namespace Claims.Domain.Reconciliation;

/// <summary>
/// The reconciliation rules of spec section 3 as one pure function: accounts and live claims in,
/// one verdict per topic out. Everything that shows a verdict (projections, as-of views, exports) calls this.
/// </summary>
public static class Reconciler
{
    public static IReadOnlyList<TopicVerdict> Reconcile(IEnumerable<AccountFacts> accounts, IEnumerable<ClaimFacts> liveClaims)
    {
        var readoutSources = accounts
            .Where(a => a.Kind == Vocabulary.Readout)
            .Select(a => a.SourceId)
            .ToHashSet(StringComparer.Ordinal);

        return liveClaims
            .GroupBy(c => c.Topic, StringComparer.Ordinal)
            .Select(topic => Decide(topic.Key, topic.ToList(), readoutSources))
            .OrderBy(v => Verdict.Rank(v.Verdict))
            .ThenBy(v => v.Topic, StringComparer.Ordinal)
            .ToList();
    }

    public static TopicVerdict Decide(string topic, IReadOnlyCollection<ClaimFacts> claims, IReadOnlySet<string> readoutSources)
    {
        var asserting = SourcesWith(claims, Stance.Asserted);
        var denying = SourcesWith(claims, Stance.Denied);
        var speaking = claims.Select(c => c.SourceId).ToHashSet(StringComparer.Ordinal);
        var silent = readoutSources.Where(s => !speaking.Contains(s)).Order(StringComparer.Ordinal).ToList();
        var facets = CompareFacets(claims.Where(c => c.Stance == Stance.Asserted));
        var sides = claims.Where(c => c.Stance == Stance.Asserted).Select(c => c.Side).Distinct().Count();

        var verdict =
            asserting.Count > 0 && denying.Count > 0 ? Verdict.Contradicted
            : asserting.Count > 0 && silent.Count > 0 ? Verdict.Omitted
            : facets.Any(f => f.Differs) ? Verdict.Divergent
            : sides >= 2 ? Verdict.Corroborated
            : asserting.Count == 0 && denying.Count > 0 ? Verdict.Denied
            : Verdict.SingleSided;

        return new TopicVerdict(topic, verdict, asserting, denying, silent, facets);
    }

    private static List<string> SourcesWith(IEnumerable<ClaimFacts> claims, string stance) =>
        claims.Where(c => c.Stance == stance).Select(c => c.SourceId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Facet values of asserting sources, per key. A key differs when two different sources give values
    /// that are not the same (compared trimmed and case-insensitively: "Unchanged" and "unchanged" agree).
    /// One source giving two values does not make a divergence on its own.
    /// </summary>
    private static List<FacetComparison> CompareFacets(IEnumerable<ClaimFacts> asserted)
    {
        var comparisons = new List<FacetComparison>();
        foreach (var key in asserted.Where(c => c.Facet is not null).GroupBy(c => c.Facet!.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var values = key
                .GroupBy(c => (c.SourceId, c.Side, Value: Normalise(c.Facet!.Value)))
                .Select(g => new FacetValue(g.Key.SourceId, g.Key.Side, g.First().Facet!.Value.Trim(), g.Select(c => c.ClaimId).Order(StringComparer.Ordinal).ToList()))
                .OrderBy(v => v.Source, StringComparer.Ordinal).ThenBy(v => v.Value, StringComparer.Ordinal)
                .ToList();
            var differs = values.Any(a => values.Any(b => a.Source != b.Source && Normalise(a.Value) != Normalise(b.Value)));
            comparisons.Add(new FacetComparison(key.Key, differs, values));
        }
        return comparisons;
    }

    private static string Normalise(string value) => value.Trim().ToLowerInvariant();
}
