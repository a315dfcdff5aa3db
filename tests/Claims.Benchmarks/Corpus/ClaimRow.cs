namespace Claims.Benchmarks.Corpus;

/// <summary>A claim flattened to the columns it has, for the raw COPY baseline.</summary>
public sealed record ClaimRow(
    string CallId, string ClaimId, string AccountId, string SourceId, string Side, string Topic, string Stance,
    string Statement, string? Speaker, string? QuoteText, string? QuoteLanguage, string? QuoteTranslation,
    string? FacetKey, string? FacetValue, DateTimeOffset PublishedAt);

/// <summary>A correction or retraction to apply after import; <see cref="Body"/> is the request body as JSON.</summary>
public sealed record ClaimChangeRequest(string CallId, string ClaimId, bool Retraction, string Body);
