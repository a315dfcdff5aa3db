using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;

namespace Claims.Domain.Dossiers;

/// <summary>
/// The desk's commands, one item at a time (a call, an account, a claim): each item is decided as a dossier holding
/// it alone beside the stored call, so it meets the same rules as in a file, and sending an item already stored
/// appends nothing (a client may safely send it again). Problems are named from <c>$</c>, the item's own body.
/// </summary>
public static class DossierItemImport
{
    private static readonly IReadOnlyDictionary<string, SourceProfile> NoSources = new Dictionary<string, SourceProfile>();

    public static ImportDecision Call(DossierCall call, CallReconciliation? stored, DateTimeOffset now) =>
        Decide(new Dossier(call, [], [], []), stored, NoSources, "$.call", now);

    /// <param name="sources">The stored source the account names, if it is stored.</param>
    public static ImportDecision Account(
        DossierAccount account, CallReconciliation stored, IReadOnlyDictionary<string, SourceProfile> sources, DateTimeOffset now)
    {
        if (!sources.ContainsKey(account.Source))
            return Refused(stored.Id, [new Problem("$.source", $"names source \"{account.Source}\", which is not registered; register it first (POST /api/sources)")], []);
        var decision = Decide(new Dossier(CallOf(stored), [], [account], []), stored, sources, "$.accounts[0]", now);
        // An account stored already changes only through a revision of its text, which says why and when.
        if (stored.Account(account.Id) is not null && decision.Appended > 0)
            return Refused(stored.Id, [], [new Problem("$.text",
                $"differs from the text stored for account \"{account.Id}\"; revise it with POST /api/calls/{stored.Id}/accounts/{account.Id}/revisions")]);
        if (DateOnly.FromDateTime(account.PublishedAt.UtcDateTime) < stored.Call.Date.AddDays(-1))
            decision = decision with { Warnings = [.. decision.Warnings ?? [], new Problem("$.publishedAt",
                $"is more than a day before the call's date ({stored.Call.Date:yyyy-MM-dd}); check the date, or whether the account is about this call")] };
        return decision;
    }

    public static ImportDecision Claim(DossierClaim claim, CallReconciliation stored, DateTimeOffset now)
    {
        var problems = new List<Problem>();
        if (stored.Account(claim.Account) is null)
            problems.Add(new Problem("$.account", $"names account \"{claim.Account}\", which call \"{stored.Id}\" does not have; publish the account first"));
        if (claim.Content.ReportedVia?.Account is { } relay && relay == claim.Account)
            problems.Add(new Problem("$.reportedVia.account",
                $"names the claim's own account \"{relay}\"; it names the outlet's article that relayed the claim, an account of its own"));
        foreach (var (relation, r) in (claim.Content.Relations ?? []).Select((x, i) => (x, i)))
            if (relation.Claim == $"{stored.Id}/{claim.Id}") problems.Add(new Problem($"$.relations[{r}].claim", "names the claim itself"));
        return problems.Count > 0
            ? Refused(stored.Id, [.. problems], [])
            : Decide(new Dossier(CallOf(stored), [], [], [claim]), stored, NoSources, "$.claims[0]", now);
    }

    /// <summary>The stored call as a dossier writes it: the same, so it counts as unchanged.</summary>
    private static DossierCall CallOf(CallReconciliation stored) =>
        new(stored.Call.Id, stored.Call.Title, stored.Call.Kind, stored.Call.Date, stored.Call.Participants, stored.Call.Related);

    private static ImportDecision Decide(
        Dossier dossier, CallReconciliation? stored, IReadOnlyDictionary<string, SourceProfile> sources, string itemPath, DateTimeOffset now)
    {
        var d = DossierImport.Decide(dossier, stored, sources, now);
        List<Problem> Named(IEnumerable<Problem>? problems) => (problems ?? []).Select(p => p with { Path = Rebased(p.Path, itemPath) }).ToList();
        // The call beside the item counts as unchanged in a dossier; alone, only the item counts.
        var unchanged = d.Refused || d.Appended > 0 ? 0 : 1;
        return d with { Unchanged = unchanged, Problems = Named(d.Problems), Conflicts = Named(d.Conflicts), Warnings = Named(d.Warnings) };
    }

    private static string Rebased(string path, string itemPath) =>
        path == itemPath ? "$" : path.StartsWith(itemPath + ".", StringComparison.Ordinal) ? "$" + path[itemPath.Length..] : path;

    private static ImportDecision Refused(string callId, Problem[] problems, Problem[] conflicts) =>
        new(callId, [], [], 0, problems, conflicts, []);
}
