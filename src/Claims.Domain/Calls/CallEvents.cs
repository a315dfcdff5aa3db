namespace Claims.Domain.Calls;

// The events of a call's stream (keyed by the call id). Who wrote each one and when is Marten metadata
// (user name, timestamp, correlation id, headers), not a field here.

public sealed record Participant(string Name, string Side);

public sealed record CallRegistered(string CallId, string Title, string Kind, DateOnly Date, IReadOnlyList<Participant> Participants);

/// <summary>The source as it was registered, copied into the account so the call's stream stands on its own.
/// Sources never change (a different name, side or kind is refused as a conflict), so the copy stays true.</summary>
public sealed record SourceRef(string Id, string Name, string Side, string Kind);

public sealed record AccountPublished(
    string CallId, string AccountId, SourceRef Source, string Kind, DateTimeOffset PublishedAt,
    string? Language, string? Url, string? Title);

public sealed record Quote(string Text, string? Language, string? Translation);

public sealed record Facet(string Key, string Value);

public sealed record ReportedVia(string Outlet, string? Url, DateTimeOffset? PublishedAt);

/// <summary>What a claim says. A correction replaces it whole, so every version is complete on its own.</summary>
public sealed record ClaimContent(
    string Topic, string Stance, string Statement, string? Speaker = null,
    Quote? Quote = null, Facet? Facet = null, ReportedVia? ReportedVia = null);

public sealed record ClaimRecorded(string CallId, string ClaimId, string AccountId, ClaimContent Content);

public sealed record ClaimCorrected(string CallId, string ClaimId, ClaimContent Content, string Reason);

public sealed record ClaimRetracted(string CallId, string ClaimId, string Reason);
