using System.Text.Json.Nodes;
using Claims.Domain.Calls;

namespace Claims.Web.Pages.Calls;

/// <summary>The fields of a claim as the editors' forms carry them: blank optional fields mean "none".</summary>
public class ClaimFormFields
{
    public string Topic { get; set; } = "";
    public string Stance { get; set; } = "asserted";
    public string Statement { get; set; } = "";
    public string? Speaker { get; set; }
    public string? QuoteText { get; set; }
    public string? QuoteLanguage { get; set; }
    public string? QuoteTranslation { get; set; }
    /// <summary>What the quote holds: verbatim (the default), outlet-translation or paraphrase.</summary>
    public string? QuoteKind { get; set; }
    public string? QuoteTranslatedBy { get; set; }
    public string? FacetKey { get; set; }
    public string? FacetValue { get; set; }

    protected void CopyFrom(ClaimContent c)
    {
        Topic = c.Topic; Stance = c.Stance; Statement = c.Statement; Speaker = c.Speaker;
        QuoteText = c.Quote?.Text; QuoteLanguage = c.Quote?.Language; QuoteTranslation = c.Quote?.Translation;
        QuoteKind = c.Quote?.Kind; QuoteTranslatedBy = c.Quote?.TranslatedBy;
        FacetKey = c.Facet?.Key; FacetValue = c.Facet?.Value;
    }

    /// <summary>The quote as the dossier format writes it, or null when the form has none.</summary>
    protected JsonObject? QuoteJson()
    {
        if (Blank(QuoteText) is null) return null;
        var quote = new JsonObject { ["text"] = QuoteText };
        if (Blank(QuoteLanguage) is { } language) quote["language"] = language;
        if (Blank(QuoteTranslation) is { } translation) quote["translation"] = translation;
        if (Blank(QuoteKind) is { } kind) quote["kind"] = kind;
        if (Blank(QuoteTranslatedBy) is { } by) quote["translatedBy"] = by;
        return quote;
    }

    /// <summary>The facet as the dossier format writes it, or null when both its fields are blank.</summary>
    protected JsonObject? FacetJson() =>
        Blank(FacetKey) is null && Blank(FacetValue) is null ? null : new JsonObject { ["key"] = FacetKey, ["value"] = FacetValue };

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
