using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using JasperFx.Events;

namespace Claims.Domain.Dossiers;

/// <summary>One dossier as a check finds it: its problems or warnings, and the call reconciled from it alone.</summary>
public sealed record CheckedDossier(string Name, string? CallId, IReadOnlyList<Problem> Problems, IReadOnlyList<Problem> Warnings, CallReconciliation? View)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>
/// Checks dossiers with no database: each file read and decided as an import into an empty store would decide it,
/// sources compared across the files (and with any known ones, such as the shipped sample's), and the call's
/// findings derived from the events the import would append. What <c>check</c> on the command line prints.
/// </summary>
public static class DossierCheck
{
    public static IReadOnlyList<CheckedDossier> Check(IEnumerable<(string Name, DossierReading Reading)> files, IEnumerable<SourceProfile>? knownSources = null)
    {
        var sources = (knownSources ?? []).ToDictionary(s => s.SourceId);
        var calls = new HashSet<string>();
        var results = new List<CheckedDossier>();
        foreach (var (name, reading) in files)
        {
            if (reading.Dossier is not { } dossier)
            {
                results.Add(new CheckedDossier(name, null, reading.Problems, reading.Warnings, null));
                continue;
            }
            var decision = DossierImport.Decide(dossier, null, sources);
            List<Problem> problems = [.. decision.Problems, .. decision.Conflicts];
            if (!calls.Add(dossier.Call.Id)) problems.Add(new Problem("$.call.id", $"call \"{dossier.Call.Id}\" is in another of the checked files too"));
            if (problems.Count > 0)
            {
                results.Add(new CheckedDossier(name, dossier.Call.Id, problems, [], null));
                continue;
            }
            foreach (var s in decision.NewSources)
                sources[s.SourceId] = new SourceProfile { Id = SourceStream.Key(s.SourceId), SourceId = s.SourceId, Name = s.Name, Side = s.Side, Kind = s.Kind };
            var view = CallReconciliationProjection.Build(null, dossier.Call.Id, Wrap(dossier.Call.Id, decision.CallEvents));
            results.Add(new CheckedDossier(name, dossier.Call.Id, [], [.. reading.Warnings, .. decision.Warnings ?? []], view));
        }
        return results;
    }

    // The events as the store would hand them to the projection; the recording time is now, as on import.
    private static IEnumerable<IEvent> Wrap(string streamKey, IReadOnlyList<object> events)
    {
        var now = DateTimeOffset.UtcNow;
        return events.Select((data, i) =>
        {
            var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            e.StreamKey = streamKey;
            e.Version = i + 1;
            e.Sequence = i + 1;
            e.Timestamp = now;
            return e;
        });
    }
}
