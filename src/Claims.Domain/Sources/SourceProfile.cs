using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Domain.Sources;

/// <summary>A stored source (document id = its stream key, <c>source:{id}</c>).</summary>
public sealed class SourceProfile
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Side { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public string? RegisteredBy { get; set; }

    /// <summary>The profile a source's registration gives, before it is stored (its time and editor unknown yet).</summary>
    public static SourceProfile Of(string sourceId, string name, string side, string kind) =>
        new() { Id = SourceStream.Key(sourceId), SourceId = sourceId, Name = name, Side = side, Kind = kind };
}

public sealed class SourceProfileProjection : SingleStreamProjection<SourceProfile, string>
{
    // Evolve names no event type, so without this the daemon reads every event of the log to rebuild a handful of
    // profiles (50 s of a 1M rebuild); with it, it reads the registrations only.
    public SourceProfileProjection() => IncludeType<SourceRegistered>();

    public override SourceProfile? Evolve(SourceProfile? profile, string id, IEvent e) => e.Data switch
    {
        SourceRegistered r => new SourceProfile
        {
            Id = id, SourceId = r.SourceId, Name = r.Name, Side = r.Side, Kind = r.Kind,
            RegisteredAt = e.Timestamp, RegisteredBy = e.UserName
        },
        _ => profile
    };
}
