using Claims.Domain.Calls;

namespace Claims.Domain.Dossiers;

// A dossier (spec section 2) once read and checked: every field present where required and well formed.

public sealed record Dossier(
    DossierCall Call, IReadOnlyList<DossierSource> Sources, IReadOnlyList<DossierAccount> Accounts, IReadOnlyList<DossierClaim> Claims);

public sealed record DossierCall(
    string Id, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants, IReadOnlyList<RelatedCall>? Related = null);

public sealed record DossierSource(string Id, string Name, string Side, string Kind);

public sealed record DossierAccount(
    string Id, string Source, string Kind, DateTimeOffset PublishedAt, string? Language, string? Url, string? Title,
    string? TimePrecision = null, AccountText? Text = null, ArchiveCopy? Archive = null,
    IReadOnlyList<DossierRevision>? Revisions = null)
{
    /// <summary>The texts the file gives, oldest first: the one published with the account, then each revision.</summary>
    public IReadOnlyList<AccountText> Texts => [.. Text is null ? [] : new[] { Text }, .. (Revisions ?? []).Select(r => r.Text)];

    /// <summary>The text as the file leaves it: the last revision's, or the published one.</summary>
    public AccountText? CurrentText => Revisions is { Count: > 0 } revisions ? revisions[^1].Text : Text;
}

/// <summary>A later version of an account's text (<c>accounts[].revisions[]</c>): when the source published it, and why it changed.</summary>
public sealed record DossierRevision(AccountText Text, DateTimeOffset PublishedAt, string? TimePrecision, string Reason);

public sealed record DossierClaim(string Id, string Account, ClaimContent Content);

/// <summary>One thing wrong with an input, named by its JSON path (<c>$.claims[3].stance</c>).</summary>
public sealed record Problem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
