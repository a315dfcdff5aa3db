using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Claims.Tests.FactChecking;

/// <summary>Source profiles and the CSV export, on the sample call and the golden dossiers.</summary>
public class SourcesAndCsvTests(IndexFixture app) : IClassFixture<IndexFixture>
{
    [Fact]
    public async Task the_white_house_profile_counts_its_silences()
    {
        var client = app.Client(editor: false);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/sources/white-house");
        profile.GetProperty("side").GetString().ShouldBe("US");
        profile.GetProperty("kind").GetString().ShouldBe("government");

        var view = await client.GetFromJsonAsync<JsonElement>("/api/calls/2025-11-24-xi-trump-call/reconciliation");
        // Counted from the same findings as the call's view: the topics omitted by a side whose readouts include the White House's.
        var silences = view.GetProperty("topics").EnumerateArray().Count(t => t.GetProperty("findings").EnumerateArray().Any(f =>
            f.GetProperty("kind").GetString() == "omitted" && f.GetProperty("sources").EnumerateArray().Any(s => s.GetString() == "white-house")));
        silences.ShouldBeGreaterThan(0);
        profile.GetProperty("silentOnAsserted").GetInt32().ShouldBe(silences);
        var call = profile.GetProperty("history").EnumerateArray().Single();
        call.GetProperty("callId").GetString().ShouldBe("2025-11-24-xi-trump-call");
        call.GetProperty("silentOn").EnumerateArray().Select(t => t.GetString()).ShouldContain("taiwan");
        call.GetProperty("accounts").EnumerateArray().ShouldAllBe(a => a.GetProperty("source").GetString() == "white-house");
    }

    [Fact]
    public async Task a_source_that_both_asserts_and_denies_counts_a_contradiction()
    {
        var profile = await app.Client(editor: false).GetFromJsonAsync<JsonElement>("/api/sources/us-trade-rep");
        profile.GetProperty("contradictions").GetInt32().ShouldBeGreaterThan(0);
        profile.GetProperty("divergences").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task the_source_list_names_every_source_with_its_record()
    {
        var page = await app.Client(editor: false).GetFromJsonAsync<JsonElement>("/api/sources?pageSize=500");
        var sources = page.GetProperty("items");
        page.GetProperty("total").GetInt64().ShouldBe(sources.GetArrayLength());
        var ids = sources.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        ids.ShouldContain("cn-mfa");
        ids.ShouldContain("white-house");
        ids.Count.ShouldBe(ids.Distinct().Count());
        sources.EnumerateArray().Select(s => s.GetProperty("silentOnAsserted").GetInt32()).ShouldBeInOrder(SortDirection.Descending);
        (await app.Client(editor: false).GetAsync("/api/sources/no-such-source")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_csv_has_one_row_per_discrepancy_with_the_same_filters_and_opens_in_a_spreadsheet()
    {
        var client = app.Client(editor: false);
        var response = await client.GetAsync("/api/discrepancies.csv?verdict=omitted");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });   // the byte-order mark spreadsheets need for UTF-8

        var text = Encoding.UTF8.GetString(bytes[3..]);
        text.ShouldStartWith("call_id,call_date,call_title,topic,verdict,");
        text.ShouldContain("台湾");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/discrepancies?verdict=omitted&pageSize=500");
        using var reader = new CsvHelper.CsvReader(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        records.Count.ShouldBe(page.GetProperty("total").GetInt32());
        records.ShouldAllBe(r => ((string)r["omitted_by"]).Length > 0);
        var taiwan = records.Single(r => (string)r["call_id"] == "2025-11-24-xi-trump-call" && (string)r["topic"] == "taiwan");
        ((string)taiwan["findings"]).ShouldStartWith("omitted by the US readouts (Donald Trump and The White House) · corroborated by");
        ((string)taiwan["corroborated_by"]).ShouldBe("CN; US");
        var divergent = records.Single(r => (string)r["topic"] == "defence-spending");
        ((string)divergent["divergent_on"]).ShouldNotBeEmpty();
        ((string)divergent["facet_values"]).ShouldContain(": ");

        (await client.GetAsync("/api/discrepancies.csv?from=not-a-date")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        var dossier = Dossiers.Minimal("csv-formula", "csv-cn", "csv-us");
        dossier["call"]!["title"] = "=HYPERLINK(\"https://example.org/x\",\"click\")";
        dossier["claims"]![0]!["statement"] = "+1 said Xi";
        dossier["sources"]![0]!["name"] = "@ministry";
        await app.Import(dossier.ToJsonString());
        await app.WaitForProjections();

        var text = await app.Client(editor: false).GetStringAsync("/api/discrepancies.csv?topic=taiwan&q=said%20xi");
        using var reader = new CsvHelper.CsvReader(new StringReader(text.TrimStart('\uFEFF')), System.Globalization.CultureInfo.InvariantCulture);
        var row = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Single();
        ((string)row["call_title"]).ShouldStartWith("'=HYPERLINK");
        ((string)row["statements"]).ShouldNotStartWith("+");
        ((string)row["asserting"]).ShouldStartWith("'@ministry");
    }
}
