using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Claims.Web.Features.Import;

/// <summary>
/// Import one dossier that has already been read and checked, with the reader's warnings (kept with the events it
/// appends). <paramref name="Via"/> says where it came from.
/// </summary>
public sealed record ImportDossier(Dossier Dossier, string Editor, string Via, IReadOnlyList<Problem>? Warnings = null)
{
    public string CallId => Dossier.Call.Id;

    public static ImportDossier Of(DossierReading reading, string editor, string via) => new(reading.Dossier!, editor, via, reading.Warnings);
}

/// <summary>What an import did, or why it was refused (problems: 400, conflicts: 409), and what is odd but allowed.</summary>
public sealed record ImportOutcome(
    string CallId, int Appended, int Unchanged, IReadOnlyList<Problem> Problems, IReadOnlyList<Problem> Conflicts, IReadOnlyList<Problem> Warnings)
{
    /// <summary>The outcome of a decision, with the reader's warnings and the decision's own (a text changed without saying when).</summary>
    public static ImportOutcome From(ImportDecision d, IReadOnlyList<Problem>? warnings) =>
        new(d.CallId, d.Refused ? 0 : d.Appended, d.Unchanged, d.Problems, d.Conflicts, [.. warnings ?? [], .. d.Warnings ?? []]);

    /// <summary>The warnings kept with the import that appended something, or null when there are none to keep.</summary>
    public ImportWarnings? ToKeep(string editor, string via) =>
        Warnings.Count == 0 || Appended == 0 || Refused
            ? null
            : new ImportWarnings { Id = Guid.NewGuid().ToString("N"), CallId = CallId, Editor = editor, Via = via,
                                   Warnings = Warnings.Select(w => w.ToString()).ToList() };

    public bool Refused => Problems.Count > 0 || Conflicts.Count > 0;
}

/// <summary>
/// The aggregate handler workflow: Wolverine fetches the call's stream for writing, <see cref="Handle"/> decides
/// (a pure function of the dossier and what is stored), and the returned events are appended in one
/// transaction with the new sources' streams. The stream is locked while the import decides, so concurrent
/// imports of one call queue up instead of failing; two imports that both create a new call or source collide,
/// and the loser is retried from the top (see Program) and then sees what the winner stored.
/// </summary>
public static class ImportDossierHandler
{
    public static async Task<StoredSources> LoadAsync(ImportDossier command, IQuerySession session, CancellationToken ct)
    {
        var ids = command.Dossier.Sources.Select(s => s.Id)
            .Concat(command.Dossier.Accounts.Select(a => a.Source))
            .Distinct()
            .Select(SourceStream.Key)
            .ToArray();
        var stored = await session.LoadManyAsync<SourceProfile>(ct, ids);
        return new StoredSources(stored.ToDictionary(s => s.SourceId));
    }

    public static (ImportOutcome, Events, IMartenOp) Handle(
        ImportDossier command,
        [WriteAggregate(nameof(ImportDossier.CallId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] CallReconciliation? call,
        StoredSources sources,
        IDocumentSession session)
    {
        var decision = DossierImport.Decide(command.Dossier, call, sources.ById);
        var outcome = ImportOutcome.From(decision, command.Warnings);
        if (decision.Refused || decision.Appended == 0) return (outcome, [], MartenOps.Nothing());

        session.LastModifiedBy = command.Editor;
        session.SetHeader("via", command.Via);
        if (outcome.ToKeep(command.Editor, command.Via) is { } kept) session.Store(kept);
        return (outcome, [.. decision.CallEvents], new StartSourceStreams(decision.NewSources));
    }
}

/// <summary>
/// What an import warned of, kept beside the events it appended (a document of its own, so a batch of many dossiers
/// keeps each one's warnings): a fact-checker can see later why a claim's quote was never checked.
/// </summary>
public sealed class ImportWarnings
{
    public string Id { get; set; } = "";
    public string CallId { get; set; } = "";
    public string Editor { get; set; } = "";
    public string Via { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<string> Warnings { get; set; } = [];
}

public sealed record StoredSources(IReadOnlyDictionary<string, SourceProfile> ById);

/// <summary>Starts one stream per new source. Starting fails if another import registered it first; the retry then sees it.</summary>
public sealed class StartSourceStreams(IReadOnlyList<SourceRegistered> sources) : IMartenOp
{
    public void Execute(IDocumentSession session)
    {
        foreach (var source in sources) session.Events.StartStream<SourceProfile>(SourceStream.Key(source.SourceId), source);
    }
}
