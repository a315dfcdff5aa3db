using System.Globalization;
using System.Text;
using Claims.Domain;
using Claims.Domain.Discrepancies;
using CsvHelper;

namespace Claims.Web.Features.Discrepancies;

/// <summary>Discrepancies as a spreadsheet: one row each, UTF-8 with a byte-order mark so spreadsheets read Chinese and Japanese right.</summary>
public static class DiscrepancyCsv
{
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly string[] Header =
    [
        "call_id", "call_date", "call_title", "topic", "verdict", "asserting", "denying", "silent",
        "statements", "quotes", "sources_published_at", "urls", "reconciliation"
    ];

    public static async Task WriteAsync(IEnumerable<DiscrepancyRow> rows, TextWriter writer, string baseUrl)
    {
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
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
            csv.WriteField(row.Verdict);
            csv.WriteField(Sources(row.Asserting));
            csv.WriteField(Sources(row.Denying));
            csv.WriteField(Sources(row.Silent));
            csv.WriteField(Lines(row.Claims.Select(c => $"{c.Source} ({c.Stance}): {c.Statement}")));
            csv.WriteField(Lines(row.Claims.Select(c => c.Quote is null ? null : $"{c.Source}: {c.Quote.Text}" + (c.Quote.Translation is null ? "" : $" — {c.Quote.Translation}"))));
            csv.WriteField(Lines(row.Claims.Select(c => $"{c.Source}: {Instants.Format(c.PublishedAt)}").Distinct()));
            csv.WriteField(Lines(row.Claims.Select(c => c.Url).Distinct()));
            csv.WriteField($"{baseUrl}/api/calls/{row.CallId}/reconciliation");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }
}
