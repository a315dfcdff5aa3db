using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Claims.Benchmarks.Corpus;

// The claims-dossier/1 format as files carry it (spec section 2); the benchmark writes the public format
// rather than the domain's types, so it measures exactly what a user would feed the program.

public sealed record DossierFile(string Format, CallJson Call, List<SourceJson> Sources, List<AccountJson> Accounts, List<ClaimJson> Claims);

public sealed record CallJson(string Id, string Title, string Kind, string Date, List<ParticipantJson> Participants);

public sealed record ParticipantJson(string Name, string Side);

public sealed record SourceJson(string Id, string Name, string Side, string Kind);

public sealed record AccountJson(string Id, string Source, string Kind, string PublishedAt, string? Language, string? Url, string? Title,
    TextJson? Text = null);

/// <summary>An account's text (a contract version 2 field, which version 1 files may carry).</summary>
public sealed record TextJson(string Original);

public sealed record ClaimJson(
    string Id, string Account, string Topic, string Stance, string Statement, string? Speaker,
    QuoteJson? Quote, FacetJson? Facet, ReportedViaJson? ReportedVia);

public sealed record QuoteJson(string Text, string Language, string Translation);

public sealed record FacetJson(string Key, string Value);

public sealed record ReportedViaJson(string Outlet, string Url, string PublishedAt);

public static class DossierJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese and Japanese stay readable in the files instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DossierFile dossier) => JsonSerializer.Serialize(dossier, Options);
}
