namespace Claims.Domain.Reconciliation;

/// <summary>
/// A finding written out for people: the pages, the CSV, ClaimReview and the command line all say it the same way
/// ("omitted by the US readouts (Donald Trump, The White House)").
/// </summary>
public static class FindingText
{
    /// <summary>A short rating: "omitted by US", "divergent on duration-minutes", "corroborated by CN and US".</summary>
    public static string Rating(Finding f) => f.Kind switch
    {
        FindingKind.Omitted => $"omitted by {f.Side}",
        FindingKind.Divergent => $"divergent on {f.Facet}",
        FindingKind.Corroborated => $"corroborated by {And(f.Sides ?? [])}",
        FindingKind.OneSided => $"one-sided ({f.Side})",
        _ => f.Kind
    };

    /// <summary>The finding in a phrase, naming its sources by name (with <paramref name="describe"/> for extra detail).</summary>
    public static string Describe(Finding f, Func<string, string> name)
    {
        string Names(IEnumerable<string>? ids) => And((ids ?? []).Select(name));
        return f.Kind switch
        {
            FindingKind.Contradicted => $"contradicted: asserted by {Names(f.Asserting)}, denied by {Names(f.Denying)}",
            FindingKind.Omitted => $"omitted by the {f.Side} readout{((f.Sources?.Count ?? 0) > 1 ? "s" : "")} ({Names(f.Sources)})",
            FindingKind.Divergent => $"divergent on {f.Facet}: {string.Join(" vs ", (f.Values ?? []).Select(v => $"{v.Value} ({name(v.Source)})"))}",
            FindingKind.Corroborated => $"corroborated by {Names(f.Sources)}",
            FindingKind.Unconfirmed => $"unconfirmed: only {Names(f.Sources)} speak{((f.Sources?.Count ?? 0) == 1 ? "s" : "")} to it, none for a party to the call",
            FindingKind.Denied => $"denied by {Names(f.Sources)}, asserted by nobody",
            FindingKind.OneSided => $"one-sided: asserted by {Names(f.Sources)} ({f.Side}) only",
            _ => f.Kind
        };
    }

    /// <summary>Every finding of a topic, joined: "omitted by the US readouts (…) · corroborated by …".</summary>
    public static string Describe(IEnumerable<Finding> findings, Func<string, string> name) =>
        string.Join(" · ", findings.Select(f => Describe(f, name)));

    public static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1]
        };
    }
}
