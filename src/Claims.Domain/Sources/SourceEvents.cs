namespace Claims.Domain.Sources;

/// <summary>Sources are global: each has a stream of its own, keyed <c>source:{id}</c>.</summary>
public sealed record SourceRegistered(string SourceId, string Name, string Side, string Kind);

public static class SourceStream
{
    // Slugs cannot hold a colon, so source streams never collide with call streams.
    public static string Key(string sourceId) => "source:" + sourceId;
}
