using JasperFx.Events;

namespace Claims.Domain;

/// <summary>Events wrapped as Marten hands them to a projection, for replaying a stream's events with no database.</summary>
public static class StoredEvents
{
    /// <summary>
    /// Each event with its stream key, version and sequence (1, 2, …), the timestamp <paramref name="at"/> gives for
    /// its position, and the editor name.
    /// </summary>
    public static IReadOnlyList<IEvent> Wrap(string streamKey, IEnumerable<object> events, Func<int, DateTimeOffset> at, string? userName = null) =>
        events.Select((data, i) =>
        {
            var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            e.StreamKey = streamKey;
            e.Version = i + 1;
            e.Sequence = i + 1;
            e.Timestamp = at(i);
            e.UserName = userName;
            return e;
        }).ToList();
}
