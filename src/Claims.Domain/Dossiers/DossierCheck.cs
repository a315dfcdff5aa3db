using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;

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
                sources[s.SourceId] = SourceProfile.Of(s.SourceId, s.Name, s.Side, s.Kind);
            // Recorded now, as an import would record them.
            var now = DateTimeOffset.UtcNow;
            var view = CallReconciliationProjection.Build(null, dossier.Call.Id, StoredEvents.Wrap(dossier.Call.Id, decision.CallEvents, _ => now));
            results.Add(new CheckedDossier(name, dossier.Call.Id, [], [.. reading.Warnings, .. decision.Warnings ?? []], view));
        }
        return results;
    }
}
