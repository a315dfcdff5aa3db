using Claims.Domain.Calls;

namespace Claims.Tests.Support;

/// <summary>Short builders for the events of one test call.</summary>
public sealed class Given(string callId)
{
    public static readonly DateTimeOffset Noon = new(2025, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public string CallId { get; } = callId;

    public CallRegistered Registered() =>
        new(CallId, "Test call", "phone-call", new DateOnly(2025, 11, 24), [new Participant("A", "CN"), new Participant("B", "US")]);

    public AccountPublished Account(string id, string source, string side, string kind = "readout", int hoursAfterNoon = 0) =>
        new(CallId, id, new SourceRef(source, source.ToUpperInvariant(), side, "government"), kind, Noon.AddHours(hoursAfterNoon), "en", null, null);

    public ClaimRecorded Claim(string id, string account, string topic, string stance = "asserted", Facet? facet = null) =>
        new(CallId, id, account, new ClaimContent(topic, stance, $"{account} on {topic}", Facet: facet));

    public ClaimCorrected Correct(string id, string topic, string stance = "asserted", Facet? facet = null) =>
        new(CallId, id, new ClaimContent(topic, stance, $"corrected {topic}", Facet: facet), "a better reading");

    public ClaimRetracted Retract(string id) => new(CallId, id, "not in the source");
}
