using Claims.Domain.Calls;

namespace Claims.Tests.Support;

/// <summary>
/// Short builders for the events of one test call. The call's parties are CN and US unless given; a source's kind
/// (government by default) and an account's offset from UTC can be named, so standing and local times can be tested.
/// </summary>
public sealed class Given(string callId, params string[] parties)
{
    public static readonly DateTimeOffset Noon = new(2025, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public string CallId { get; } = callId;
    private readonly string[] _parties = parties.Length > 0 ? parties : ["CN", "US"];

    public CallRegistered Registered(params RelatedCall[] related) =>
        new(CallId, "Test call", "phone-call", new DateOnly(2025, 11, 24),
            _parties.Select((side, i) => new Participant($"Leader {i + 1}", side)).ToList(), related.Length > 0 ? related : null);

    /// <param name="offsetHours">The account's own offset from UTC: the instant stays <see cref="Noon"/> plus the hours.</param>
    public AccountPublished Account(string id, string source, string side, string kind = "readout", int hoursAfterNoon = 0,
        string sourceKind = "government", int offsetHours = 0, string? timePrecision = null, AccountText? text = null) =>
        new(CallId, id, new SourceRef(source, source.ToUpperInvariant(), side, sourceKind), kind,
            Noon.AddHours(hoursAfterNoon).ToOffset(TimeSpan.FromHours(offsetHours)), "en", null, null, timePrecision, text);

    public ClaimRecorded Claim(string id, string account, string topic, string stance = "asserted", Facet? facet = null,
        Quote? quote = null, params ClaimRelation[] relations) =>
        new(CallId, id, account, new ClaimContent(topic, stance, $"{account} on {topic}", Quote: quote, Facet: facet,
            Relations: relations.Length > 0 ? relations : null));

    public ClaimCorrected Correct(string id, string topic, string stance = "asserted", Facet? facet = null) =>
        new(CallId, id, new ClaimContent(topic, stance, $"corrected {topic}", Facet: facet), "a better reading");

    public ClaimRetracted Retract(string id) => new(CallId, id, "not in the source");
}
