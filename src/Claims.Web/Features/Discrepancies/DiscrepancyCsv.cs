using System.Globalization;
using System.Text;
using Claims.Domain;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using CsvHelper;

namespace Claims.Web.Features.Discrepancies;

/// <summary>Discrepancies as a spreadsheet: one row each, UTF-8 with a byte-order mark so spreadsheets read Chinese and Japanese right.</summary>
public static class DiscrepancyCsv
{
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly string[] Header =
    [
        "call_id", "call_date", "call_title", "topic", "verdict", "findings", "contradicted", "omitted_by", "divergent_on",
        "corroborated_by", "facet_values", "asserting", "denying", "silent",
        "statements", "quotes", "sources_published_at", "urls", "reconciliation"
    ];

    /// <summary>
    /// A cell that starts with =, +, -, @, a tab or a carriage return is a formula to a spreadsheet: a call titled
    /// <c>=HYPERLINK(…)</c> would run when the file is opened. CsvHelper escapes such cells as OWASP advises (a leading
    /// apostrophe, the cell quoted).
    /// </summary>
    private static readonly CsvHelper.Configuration.CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape
    };

    public static async Task WriteAsync(IEnumerable<DiscrepancyRow> rows, TextWriter writer, string baseUrl)
    {
        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        foreach (var column in Header) csv.WriteField(column);
        await csv.NextRecordAsync();

        foreach (var row in rows)
        {
            string Sources(IEnumerable<RowSource> sources) => string.Join("; ", sources.Select(s => $"{s.Name} [{s.Id}, {s.Side}]"));
            string Lines(IEnumerable<string?> values) => string.Join("\n", values.Where(v => !string.IsNullOrEmpty(v)));

            csv.WriteField(row.CallId);
            csv.WriteField(row.CallDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.CallTitle);
            csv.WriteField(row.Topic);
            var names = row.Asserting.Concat(row.Denying).Concat(row.Silent).DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Name);
            string Name(string id) => names.GetValueOrDefault(id) ?? id;
            IEnumerable<Finding> Of(string kind) => row.Findings.Where(f => f.Kind == kind);

            csv.WriteField(row.Verdict);
            csv.WriteField(FindingText.Describe(row.Findings, Name));
            csv.WriteField(Of(FindingKind.Contradicted).Any() ? "yes" : "");
            csv.WriteField(string.Join("; ", Of(FindingKind.Omitted).Select(f => f.Side)));
            csv.WriteField(string.Join("; ", Of(FindingKind.Divergent).Select(f => f.Facet)));
            csv.WriteField(string.Join("; ", Of(FindingKind.Corroborated).SelectMany(f => f.Sides ?? [])));
            csv.WriteField(Lines(row.Facets.SelectMany(f => f.Values.Select(v => $"{f.Key}: {v.Value} ({v.Source})"))));
            csv.WriteField(Sources(row.Asserting));
            csv.WriteField(Sources(row.Denying));
            csv.WriteField(Sources(row.Silent));
            csv.WriteField(Lines(row.Claims.Select(c => $"{c.Source} ({c.Stance}): {c.Statement}")));
            // Each quote says what it holds: an outlet's translation must not read as the speaker's own words.
            csv.WriteField(Lines(row.Claims.Select(c => c.Quote is null ? null
                : $"{c.Source} [{c.Quote.Kind}]: {c.Quote.Text}" + (c.Quote.Translation is null ? "" : $" — {c.Quote.Translation}"))));
            csv.WriteField(Lines(row.Claims.Select(c => $"{c.Source}: {Instants.Format(c.PublishedAt)}").Distinct()));
            csv.WriteField(Lines(row.Claims.Select(c => c.Url).Distinct()));
            csv.WriteField($"{baseUrl}/api/calls/{row.CallId}/reconciliation");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }
}
