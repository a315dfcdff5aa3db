using System.Text.Json.Serialization;

namespace Claims.Domain.Reconciliation;

/// <summary>One source's value for a facet key, as a divergent finding lists it.</summary>
public sealed record FindingValue(string Source, string Value);

/// <summary>
/// One thing the reconciliation establishes about a topic (spec section 3), with the sources that make it.
/// Each kind fills its own fields: <c>omitted</c> a side and its silent readouts' sources; <c>contradicted</c> the
/// asserting and denying sources; <c>divergent</c> a facet key and the values given; <c>corroborated</c> the sides;
/// <c>one-sided</c> its side; every kind but <c>contradicted</c> the sources that make it.
/// </summary>
public sealed record Finding(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Side = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Facet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Sides = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Asserting = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Denying = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FindingValue>? Values = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Sources = null)
{
    [JsonIgnore] public bool IsDiscrepancy => FindingKind.IsDiscrepancy(Kind);

    /// <summary>Every source the finding names.</summary>
    [JsonIgnore]
    public IEnumerable<string> Named =>
        (Sources ?? []).Concat(Asserting ?? []).Concat(Denying ?? []).Distinct();

    public static Finding Contradicted(IReadOnlyList<string> asserting, IReadOnlyList<string> denying) =>
        new(FindingKind.Contradicted, Asserting: asserting, Denying: denying);

    public static Finding Omitted(string side, IReadOnlyList<string> sources) => new(FindingKind.Omitted, Side: side, Sources: sources);

    public static Finding Divergent(string facet, IReadOnlyList<FindingValue> values) =>
        new(FindingKind.Divergent, Facet: facet, Values: values,
            Sources: values.Select(v => v.Source).Distinct().Order(StringComparer.Ordinal).ToList());

    public static Finding Corroborated(IReadOnlyList<string> sides, IReadOnlyList<string> sources) =>
        new(FindingKind.Corroborated, Sides: sides, Sources: sources);

    public static Finding Unconfirmed(IReadOnlyList<string> sources) => new(FindingKind.Unconfirmed, Sources: sources);

    public static Finding Denied(IReadOnlyList<string> sources) => new(FindingKind.Denied, Sources: sources);

    public static Finding OneSided(string side, IReadOnlyList<string> sources) => new(FindingKind.OneSided, Side: side, Sources: sources);
}
