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
    string? TimePrecision = null, AccountText? Text = null, ArchiveCopy? Archive = null);

public sealed record DossierClaim(string Id, string Account, ClaimContent Content);

/// <summary>One thing wrong with an input, named by its JSON path (<c>$.claims[3].stance</c>).</summary>
public sealed record Problem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
