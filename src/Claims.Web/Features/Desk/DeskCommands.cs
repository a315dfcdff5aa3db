using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;

namespace Claims.Web.Features.Desk;

// The desk's commands: a call recorded as it unfolds, one item at a time, each with its own event. Each is decided as
// a dossier holding the item alone (DossierItemImport), so an item meets the same rules however it arrives.

/// <summary>Open a call (<c>CallRegistered</c>).</summary>
public sealed record CreateCall(DossierCall Call, string Editor, string Via)
{
    public string CallId => Call.Id;
}

/// <summary>Register a source (<c>SourceRegistered</c>, on the source's own stream).</summary>
public sealed record RegisterSource(DossierSource Source, string Editor, string Via);

/// <summary>Publish an account of a call, with its text if it has one (<c>AccountPublished</c>).</summary>
/// <param name="ExpectedVersion">The call's version the editor saw, when they named one.</param>
public sealed record PublishAccount(string CallId, DossierAccount Account, string Editor, string Via, int? ExpectedVersion = null);

/// <summary>Record a claim of one of the call's accounts (<c>ClaimRecorded</c>).</summary>
public sealed record RecordClaim(string CallId, DossierClaim Claim, string Editor, string Via, int? ExpectedVersion = null);

/// <summary>
/// What a desk command did: <paramref name="Appended"/> events (0 when the item was stored already, the same), the
/// version of what it wrote (the call's, the account text's, the claim's), or why not: problems (400), conflicts
/// (409), an unknown call (404), or the call's current version when the editor named an older one (409).
/// </summary>
public sealed record DeskOutcome(
    string CallId, string Id, int Appended, long? Version, IReadOnlyList<Problem> Problems, IReadOnlyList<Problem> Conflicts,
    IReadOnlyList<Problem> Warnings, string? NotFound = null, long? CurrentVersion = null)
{
    public static DeskOutcome Missing(string callId, string id) => new(callId, id, 0, null, [], [], [], $"No call \"{callId}\".");

    public static DeskOutcome Stale(string callId, string id, long current) => new(callId, id, 0, null, [], [], [], CurrentVersion: current);

    public static DeskOutcome Of(ImportDecision d, string id, long? version) =>
        new(d.CallId, id, d.Refused ? 0 : d.Appended, d.Refused ? null : version, d.Problems, d.Conflicts, d.Warnings ?? []);

    public bool Refused => NotFound is not null || CurrentVersion is not null || Problems.Count > 0 || Conflicts.Count > 0;

    /// <summary>The warnings kept beside the events, as an import keeps them.</summary>
    public ImportWarnings? ToKeep(string editor, string via) =>
        new ImportOutcome(CallId, Appended, 0, Problems, Conflicts, Warnings).ToKeep(editor, via);
}
