using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using Claims.Domain.Texts;

namespace Claims.Domain.Dossiers;

/// <summary>What importing a dossier would do, decided before anything is written.</summary>
public sealed record ImportDecision(
    string CallId,
    IReadOnlyList<SourceRegistered> NewSources,
    IReadOnlyList<object> CallEvents,
    int Unchanged,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<Problem> Conflicts,
    IReadOnlyList<Problem>? Warnings = null)
{
    public int Appended => NewSources.Count + CallEvents.Count;
    public bool Refused => Problems.Count > 0 || Conflicts.Count > 0;
}

/// <summary>
/// Decides the events a dossier adds to what is stored. Import is idempotent: an item already stored with the
/// same content is counted as unchanged and appends nothing; one stored with different content is a conflict
/// (spec section 2), because changes go through corrections. An account's text is the exception: a changed text
/// is a revision (spec section 4), since governments do edit their readouts.
/// </summary>
public static class DossierImport
{
    /// <summary>Why a text changed when the file does not say (an account re-imported with another text and no <c>revisions</c>).</summary>
    public const string UnexplainedRevision = "The text changed in a re-imported dossier.";

    public static ImportDecision Decide(
        Dossier dossier, CallReconciliation? stored, IReadOnlyDictionary<string, SourceProfile> storedSources, DateTimeOffset? now = null)
    {
        var problems = new List<Problem>();
        var warnings = new List<Problem>();
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
            else if (SourceConflict(known, source) is { } conflict)
                conflicts.Add(new Problem($"$.sources[{index}]", conflict));
            else
                unchanged++;
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
            {
                events.Add(published);
                events.AddRange((account.Revisions ?? []).Select(r =>
                    new AccountTextRevised(call.Id, account.Id, r.Text, r.PublishedAt, r.TimePrecision, r.Reason)));
            }
            else if (!SameAccount(existing, published))
                conflicts.Add(new Problem($"$.accounts[{index}]",
                    $"account \"{account.Id}\" of call \"{call.Id}\" is stored with a different source, kind, time, language, URL, title or archive copy"));
            else if (TextRevisions(account, existing, $"$.accounts[{index}]", now ?? DateTimeOffset.UtcNow, warnings, conflicts) is { } revisions)
            {
                if (revisions.Count == 0) unchanged++;
                events.AddRange(revisions.Select(r => new AccountTextRevised(call.Id, account.Id, r.Text, r.PublishedAt, r.TimePrecision, r.Reason)));
            }
        }

        CheckQuotes(dossier, stored, problems, warnings);
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

        return new ImportDecision(call.Id, newSources, events, unchanged, problems, conflicts, warnings);
    }

    /// <summary>
    /// The revisions a re-imported account's text adds (none when nothing changed), or null on a conflict. A file
    /// with <c>revisions</c> gives the text's whole history: the stored versions must begin it, and the rest are
    /// appended (a file that stops earlier is an older copy: nothing changes). A file with only <c>text</c> gives one
    /// version: the stored current one or an earlier one changes nothing; another is a revision published now.
    /// </summary>
    private static List<DossierRevision>? TextRevisions(
        DossierAccount account, AccountEntry existing, string path, DateTimeOffset now, List<Problem> warnings, List<Problem> conflicts)
    {
        var storedTexts = existing.TextVersions().Select(v => v.Text).ToList();
        var fileTexts = account.Texts;
        if (fileTexts.Count == 0)
        {
            if (storedTexts.Count > 0)
                warnings.Add(new Problem($"{path}.text", $"is absent; the stored account has a text (version {storedTexts.Count}), which stays as it is"));
            return [];
        }
        if (account.Revisions is null)
        {
            var text = fileTexts[0];
            if (storedTexts.Count > 0 && storedTexts[^1].Same(text)) return [];
            if (storedTexts.FindIndex(t => t.Same(text)) is >= 0 and var older)
            {
                warnings.Add(new Problem($"{path}.text",
                    $"is version {older + 1} of the stored text; the current version is {storedTexts.Count}, which stays as it is"));
                return [];
            }
            if (storedTexts.Count == 0) return [new DossierRevision(text, existing.PublishedAt, existing.TimePrecision, "The text as published, recorded after the account.")];
            warnings.Add(new Problem($"{path}.text",
                $"differs from the stored text (version {storedTexts.Count}); recorded as version {storedTexts.Count + 1}, published at the import, "
                + "since the file does not say when the source changed it: give the account's revisions (with publishedAt and reason) to say so"));
            return [new DossierRevision(text, now, null, UnexplainedRevision)];
        }

        var shared = Math.Min(storedTexts.Count, fileTexts.Count);
        for (var i = 0; i < shared; i++)
        {
            if (storedTexts[i].Same(fileTexts[i])) continue;
            conflicts.Add(new Problem(i < (account.Text is null ? 0 : 1) ? $"{path}.text" : $"{path}.revisions[{i - (account.Text is null ? 0 : 1)}]",
                $"differs from version {i + 1} of the stored text; a text's history only grows (add a revision after version {storedTexts.Count})"));
            return null;
        }
        if (fileTexts.Count <= storedTexts.Count) return [];
        // The versions the file adds: revisions, and the published text itself when the stored account had none.
        var added = new List<DossierRevision>();
        var publishedWith = account.Text is null ? 0 : 1;
        var latest = existing.TextVersions() is { Count: > 0 } versions ? versions[^1].PublishedAt : existing.PublishedAt;
        for (var i = storedTexts.Count; i < fileTexts.Count; i++)
        {
            var revision = i < publishedWith
                ? new DossierRevision(fileTexts[i], existing.PublishedAt, existing.TimePrecision, "The text as published, recorded after the account.")
                : account.Revisions[i - publishedWith];
            // As-of views take the version published at an instant: versions stay in the order they were published.
            if (revision.PublishedAt < latest)
            {
                conflicts.Add(new Problem($"{path}.revisions[{i - publishedWith}].publishedAt",
                    $"is earlier than version {storedTexts.Count} of the stored text ({Instants.Format(latest)}); a revision comes after it"));
                return null;
            }
            added.Add(revision);
        }
        return added;
    }

    /// <summary>
    /// A quote that must stand in an account's text (<see cref="QuoteAnchoring"/>) must stand in one of that text's
    /// versions, the file's and the stored ones alike: a revision may have taken the words out since (the view then
    /// flags the claim), and an account this file does not carry (an outlet's article stored by an earlier import)
    /// counts with its stored text. When it stands in none, the nearest passage of the current text is named, since a
    /// typo is then quick to fix. A verbatim quote with no text anywhere to check it against is a warning.
    /// </summary>
    private static void CheckQuotes(Dossier dossier, CallReconciliation? stored, List<Problem> problems, List<Problem> warnings)
    {
        var file = dossier.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        AccountText? Current(string id) => file.TryGetValue(id, out var a) && a.CurrentText is { } text ? text : stored?.Account(id)?.CurrentText;
        IEnumerable<AccountText> Versions(string id) =>
            (file.TryGetValue(id, out var a) ? a.Texts : []).Concat(stored?.Account(id)?.TextVersions().Select(v => v.Text) ?? []);
        string? WithUrl(string url) => dossier.Accounts.FirstOrDefault(a => a.Url == url)?.Id ?? stored?.Accounts.Find(a => a.Url == url)?.Id;

        foreach (var (claim, index) in dossier.Claims.Select((c, i) => (c, i)))
        {
            var path = $"$.claims[{index}]";
            if (claim.Content.ReportedVia?.Account is { } relay && !file.ContainsKey(relay) && stored?.Account(relay) is null)
            {
                problems.Add(new Problem($"{path}.reportedVia.account", $"names account \"{relay}\", which is neither among this file's accounts nor stored for this call"));
                continue;
            }
            if (claim.Content.Quote is not { } quote) continue;
            var anchor = QuoteAnchoring.AccountFor(claim.Content, claim.Account, id => Current(id) is not null, WithUrl);
            if (anchor is null)
            {
                if (quote.KindOrDefault == QuoteKind.Verbatim)
                    warnings.Add(new Problem($"{path}.quote", $"is a verbatim quote, but account \"{claim.Account}\" has no text to check it against"));
                continue;
            }
            if (Versions(anchor).Any(t => TextAnchor.Find(t.Original, quote.Text) is not null)) continue;
            if (QuoteAnchoring.Check(quote, anchor, Current(anchor)!, $"{path}.quote") is { } problem) problems.Add(problem);
        }
    }

    /// <summary>Why a source cannot be registered again as given, or null when it is stored exactly so.</summary>
    public static string? SourceConflict(SourceProfile known, DossierSource source) =>
        known.Name == source.Name && known.Side == source.Side && known.Kind == source.Kind
            ? null
            : $"source \"{source.Id}\" is stored as \"{known.Name}\" ({known.Side}, {known.Kind}); a source id cannot be given a different name, side or kind";

    private static bool SameCall(CallInfo stored, DossierCall call) =>
        stored.Title == call.Title && stored.Kind == call.Kind && stored.Date == call.Date
        && stored.Participants.SequenceEqual(call.Participants)
        && (stored.Related ?? []).SequenceEqual(call.Related ?? []);

    private static bool SameAccount(AccountEntry stored, AccountPublished account) =>
        stored.Source.Id == account.Source.Id && stored.Kind == account.Kind && stored.PublishedAt == account.PublishedAt
        && stored.Language == account.Language && stored.Url == account.Url && stored.Title == account.Title
        && stored.TimePrecision == account.TimePrecision && stored.Archive == account.Archive;
}
