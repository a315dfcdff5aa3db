using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;

namespace Claims.Domain.Dossiers;

/// <summary>What importing a dossier would do, decided before anything is written.</summary>
public sealed record ImportDecision(
    string CallId,
    IReadOnlyList<SourceRegistered> NewSources,
    IReadOnlyList<object> CallEvents,
    int Unchanged,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<Problem> Conflicts)
{
    public int Appended => NewSources.Count + CallEvents.Count;
    public bool Refused => Problems.Count > 0 || Conflicts.Count > 0;
}

/// <summary>
/// Decides the events a dossier adds to what is stored. Import is idempotent: an item already stored with the
/// same content is counted as unchanged and appends nothing; one stored with different content is a conflict
/// (spec section 2), because changes go through corrections.
/// </summary>
public static class DossierImport
{
    public static ImportDecision Decide(Dossier dossier, CallReconciliation? stored, IReadOnlyDictionary<string, SourceProfile> storedSources)
    {
        var problems = new List<Problem>();
        var conflicts = new List<Problem>();
        var newSources = new List<SourceRegistered>();
        var events = new List<object>();
        var unchanged = 0;
        var call = dossier.Call;

        if (stored?.Call is null)
            events.Add(new CallRegistered(call.Id, call.Title, call.Kind, call.Date, call.Participants, call.Related));
        else if (SameCall(stored.Call, call))
            unchanged++;
        else
            conflicts.Add(new Problem("$.call", $"call \"{call.Id}\" is stored with a different title, kind, date, participants or related calls"));

        var sources = new Dictionary<string, SourceRef>();
        foreach (var (source, index) in dossier.Sources.Select((s, i) => (s, i)))
        {
            sources[source.Id] = new SourceRef(source.Id, source.Name, source.Side, source.Kind);
            if (!storedSources.TryGetValue(source.Id, out var known))
                newSources.Add(new SourceRegistered(source.Id, source.Name, source.Side, source.Kind));
            else if (known.Name == source.Name && known.Side == source.Side && known.Kind == source.Kind)
                unchanged++;
            else
                conflicts.Add(new Problem($"$.sources[{index}]",
                    $"source \"{source.Id}\" is stored as \"{known.Name}\" ({known.Side}, {known.Kind}); a source id cannot be given a different name, side or kind"));
        }

        foreach (var (account, index) in dossier.Accounts.Select((a, i) => (a, i)))
        {
            if (!sources.TryGetValue(account.Source, out var source))
            {
                if (storedSources.TryGetValue(account.Source, out var known))
                    source = sources[account.Source] = new SourceRef(known.SourceId, known.Name, known.Side, known.Kind);
                else
                {
                    problems.Add(new Problem($"$.accounts[{index}].source",
                        $"names source \"{account.Source}\", which is neither among this file's sources nor stored"));
                    continue;
                }
            }

            var published = new AccountPublished(call.Id, account.Id, source, account.Kind, account.PublishedAt,
                account.Language, account.Url, account.Title, account.TimePrecision, account.Text, account.Archive);
            if (stored?.Account(account.Id) is not { } existing)
                events.Add(published);
            else if (SameAccount(existing, published))
                unchanged++;
            else
                conflicts.Add(new Problem($"$.accounts[{index}]",
                    $"account \"{account.Id}\" of call \"{call.Id}\" is stored with different content"));
        }

        foreach (var (claim, index) in dossier.Claims.Select((c, i) => (c, i)))
        {
            if (stored?.Claim(claim.Id) is not { } existing)
                events.Add(new ClaimRecorded(call.Id, claim.Id, claim.Account, claim.Content));
            else if (existing.AccountId == claim.Account && (existing.Content == claim.Content || existing.Original == claim.Content))
                unchanged++;
            else
                conflicts.Add(new Problem($"$.claims[{index}]",
                    $"claim \"{claim.Id}\" of call \"{call.Id}\" is stored with different content; change it with a correction"));
        }

        return new ImportDecision(call.Id, newSources, events, unchanged, problems, conflicts);
    }

    private static bool SameCall(CallInfo stored, DossierCall call) =>
        stored.Title == call.Title && stored.Kind == call.Kind && stored.Date == call.Date
        && stored.Participants.SequenceEqual(call.Participants)
        && (stored.Related ?? []).SequenceEqual(call.Related ?? []);

    private static bool SameAccount(AccountEntry stored, AccountPublished account) =>
        stored.Source.Id == account.Source.Id && stored.Kind == account.Kind && stored.PublishedAt == account.PublishedAt
        && stored.Language == account.Language && stored.Url == account.Url && stored.Title == account.Title
        && stored.TimePrecision == account.TimePrecision && stored.Archive == account.Archive
        && (stored.Text is null ? account.Text is null : stored.Text.Same(account.Text));
}
