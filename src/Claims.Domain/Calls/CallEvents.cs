namespace Claims.Domain.Calls;

// The events of a call's stream (keyed by the call id). Who wrote each one and when is Marten metadata
// (user name, timestamp, correlation id, headers), not a field here. Fields added by contract version 2 are
// optional, so events stored by version 1 read as they were written.

public sealed record Participant(string Name, string Side);

/// <summary>Another call this one is tied to (<c>followed-by</c>, <c>follows</c>, <c>part-of</c>, <c>see-also</c>).</summary>
public sealed record RelatedCall(string Call, string Relation);

public sealed record CallRegistered(
    string CallId, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants,
    IReadOnlyList<RelatedCall>? Related = null);

/// <summary>The source as it was registered, copied into the account so the call's stream stands on its own.
/// Sources never change (a different name, side or kind is refused as a conflict), so the copy stays true.</summary>
public sealed record SourceRef(string Id, string Name, string Side, string Kind);

/// <summary>One translation of an account's text, and who made it.</summary>
public sealed record TextTranslation(string Language, string Text, string By);

/// <summary>
/// An account's own words: the original (or, when <paramref name="Excerpt"/>, only the passages quoted from it),
/// translations, and the SHA-256 of the original as stored, so a later copy can be checked against it.
/// </summary>
public sealed record AccountText(string Original, bool Excerpt, IReadOnlyList<TextTranslation> Translations, string Sha256)
{
    public bool Same(AccountText? other) =>
        other is not null && Sha256 == other.Sha256 && Excerpt == other.Excerpt && Translations.SequenceEqual(other.Translations);
}

/// <summary>Where an archived copy of the account is, and when it was captured.</summary>
public sealed record ArchiveCopy(string Url, DateTimeOffset CapturedAt);

public sealed record AccountPublished(
    string CallId, string AccountId, SourceRef Source, string Kind, DateTimeOffset PublishedAt,
    string? Language, string? Url, string? Title,
    string? TimePrecision = null, AccountText? Text = null, ArchiveCopy? Archive = null);

/// <summary>
/// A new version of an account's text (spec section 4): governments edit readouts after the fact. <paramref
/// name="PublishedAt"/> is when the source published the change (as-of views show the text published then);
/// the first text of an account published without one is a revision too.
/// </summary>
public sealed record AccountTextRevised(
    string CallId, string AccountId, AccountText Text, DateTimeOffset PublishedAt, string? TimePrecision, string Reason);

/// <summary>
/// Words attributed in a claim. <paramref name="Kind"/> is null for verbatim words (the default),
/// <c>outlet-translation</c> for an outlet's rendering, <c>paraphrase</c>; <paramref name="TranslatedBy"/> names
/// who made <paramref name="Translation"/> or, when there is none, the outlet's rendering itself.
/// </summary>
public sealed record Quote(string Text, string? Language, string? Translation, string? Kind = null, string? TranslatedBy = null)
{
    [System.Text.Json.Serialization.JsonIgnore] public string KindOrDefault => Kind ?? QuoteKind.Verbatim;
}

public sealed record Facet(string Key, string Value);

/// <summary>
/// The outlet a claim reached the record through. <paramref name="Account"/> names the account of the same call that
/// is the outlet's article, when it is one: the claim's outlet-translated or relayed quote then stands in that
/// article's text.
/// </summary>
public sealed record ReportedVia(string Outlet, string? Url, DateTimeOffset? PublishedAt, string? Title = null, string? Account = null);

/// <summary>A claim's tie to another claim, of this call or another: <c>callId/claimId</c>.</summary>
public sealed record ClaimRelation(string Claim, string Relation);

/// <summary>What a claim says. A correction replaces it whole, so every version is complete on its own.</summary>
public sealed record ClaimContent(
    string Topic, string Stance, string Statement, string? Speaker = null,
    Quote? Quote = null, Facet? Facet = null, ReportedVia? ReportedVia = null,
    IReadOnlyList<ClaimRelation>? Relations = null)
{
    // Relations are a list: compared item by item, so an identical re-import is recognised as unchanged.
    public bool Equals(ClaimContent? other) =>
        other is not null && Topic == other.Topic && Stance == other.Stance && Statement == other.Statement
        && Speaker == other.Speaker && Quote == other.Quote && Facet == other.Facet && ReportedVia == other.ReportedVia
        && (Relations ?? []).SequenceEqual(other.Relations ?? []);

    public override int GetHashCode() => HashCode.Combine(Topic, Stance, Statement, Speaker, Quote, Facet, ReportedVia);
}

public sealed record ClaimRecorded(string CallId, string ClaimId, string AccountId, ClaimContent Content);

public sealed record ClaimCorrected(string CallId, string ClaimId, ClaimContent Content, string Reason);

public sealed record ClaimRetracted(string CallId, string ClaimId, string Reason);
