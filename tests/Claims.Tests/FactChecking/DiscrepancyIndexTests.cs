using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Claims.Tests.FactChecking;

/// <summary>GET /api/discrepancies over calls the program has never seen, against the hand-worked expectations.</summary>
public class DiscrepancyIndexTests(IndexFixture app) : IClassFixture<IndexFixture>
{
    private static readonly string[] DiscrepancyKinds = ["contradicted", "omitted", "divergent"];

    /// <summary>(call, topic, verdict, kinds of its findings) of every discrepancy the expectation files and the samples give.</summary>
    private async Task<List<(string Call, string Topic, string Verdict, string[] Kinds, string Date)>> Expected()
    {
        var rows = new List<(string, string, string, string[], string)>();
        foreach (var file in IndexFixture.GoldenFiles)
        {
            var dossier = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            var expected = JsonDocument.Parse(await File.ReadAllTextAsync(file.Replace(".json", ".expected.json"))).RootElement;
            var date = dossier.GetProperty("call").GetProperty("date").GetString()!;
            foreach (var topic in expected.GetProperty("topics").EnumerateObject())
            {
                var kinds = topic.Value.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).Distinct().ToArray();
                if (kinds.Any(DiscrepancyKinds.Contains))
                    rows.Add((expected.GetProperty("callId").GetString()!, topic.Name, topic.Value.GetProperty("verdict").GetString()!, kinds, date));
            }
        }
        foreach (var call in new[] { "2025-11-24-xi-trump-call", "2025-11-24-trump-takaichi-call" })
        {
            var sample = await app.Client(editor: false).GetFromJsonAsync<JsonElement>($"/api/calls/{call}/reconciliation");
            rows.AddRange(sample.GetProperty("topics").EnumerateArray()
                .Where(t => t.GetProperty("discrepancy").GetBoolean())
                .Select(t => (call, t.GetProperty("topic").GetString()!, t.GetProperty("verdict").GetString()!,
                    t.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).Distinct().ToArray(), "2025-11-24")));
        }
        return rows;
    }

    private async Task<JsonElement> Get(string query)
    {
        var response = await app.Client(editor: false).GetAsync("/api/discrepancies" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<(string Call, string Topic, string Verdict)> Rows(JsonElement page) =>
        page.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("callId").GetString()!, i.GetProperty("topic").GetString()!, i.GetProperty("verdict").GetString()!))
            .ToList();

    private async Task<List<(string Call, string Topic, string Verdict)>> All(string filters)
    {
        var page = await Get($"?{filters}&pageSize=500");
        page.GetProperty("total").GetInt64().ShouldBe(page.GetProperty("items").GetArrayLength());
        page.GetProperty("totalExact").GetBoolean().ShouldBeTrue();
        return Rows(page);
    }

    [Fact]
    public async Task the_index_holds_exactly_the_discrepancies_the_rules_give_newest_call_first()
    {
        var expected = await Expected();
        var rows = await All("");
        rows.ShouldBe(expected.OrderByDescending(e => e.Date).ThenBy(e => e.Call, StringComparer.Ordinal).ThenBy(e => e.Topic, StringComparer.Ordinal)
            .Select(e => (e.Call, e.Topic, e.Verdict)).ToList());
    }

    [Theory]
    [InlineData("contradicted")]
    [InlineData("omitted")]
    [InlineData("divergent")]
    public async Task each_verdict_filter_returns_exactly_the_topics_with_such_a_finding(string verdict)
    {
        var expected = (await Expected()).Where(e => e.Kinds.Contains(verdict)).Select(e => (e.Call, e.Topic)).OrderBy(x => x).ToList();
        (await All($"verdict={verdict}")).Select(r => (r.Call, r.Topic)).OrderBy(x => x).ToList().ShouldBe(expected);
    }

    [Fact]
    public async Task verdict_may_repeat()
    {
        var expected = (await Expected()).Count(e => e.Kinds.Contains("contradicted") || e.Kinds.Contains("divergent"));
        (await All("verdict=contradicted&verdict=divergent")).Count.ShouldBe(expected);
    }

    [Fact]
    public async Task a_divergent_filter_finds_a_topic_whose_verdict_is_omitted()
    {
        var rows = await All("verdict=divergent&topic=defence-spending");
        rows.ShouldBe([("2025-06-16-de-fr-pl-leaders-summit", "defence-spending", "omitted")]);
        var item = (await Get("?verdict=divergent&topic=defence-spending")).GetProperty("items")[0];
        item.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString())
            .ShouldBe(["omitted", "divergent", "corroborated"]);
    }

    [Fact]
    public async Task topic_source_side_and_dates_filter()
    {
        var expected = await Expected();
        (await All("topic=taiwan")).ShouldAllBe(r => r.Topic == "taiwan");
        (await All("topic=taiwan")).Count.ShouldBe(expected.Count(e => e.Topic == "taiwan"));

        var byDate = await All("from=2025-11-01&to=2025-11-30");
        byDate.Select(r => r.Call).Distinct().OrderBy(c => c)
            .ShouldBe(expected.Where(e => string.CompareOrdinal(e.Date, "2025-11-01") >= 0 && string.CompareOrdinal(e.Date, "2025-11-30") <= 0)
                .Select(e => e.Call).Distinct().OrderBy(c => c));
        // Both ends are inclusive: calls on exactly those days are in, the days around them out.
        var inclusive = (await All("from=2025-03-05&to=2025-11-01")).Select(r => r.Call).Distinct().ToList();
        inclusive.First().ShouldBe("2025-11-01-ca-cn-trade-ministers-meeting");
        inclusive.Last().ShouldBe("2025-03-05-au-cn-agriculture-ministers-video-call");
        inclusive.ShouldBe(expected.Where(e => string.CompareOrdinal(e.Date, "2025-03-05") >= 0 && string.CompareOrdinal(e.Date, "2025-11-01") <= 0)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Call, StringComparer.Ordinal).Select(e => e.Call).Distinct());

        var silentWhiteHouse = await Get("?source=white-house&pageSize=500");
        silentWhiteHouse.GetProperty("items").EnumerateArray().ShouldAllBe(i =>
            i.GetProperty("asserting").EnumerateArray().Concat(i.GetProperty("denying").EnumerateArray()).Concat(i.GetProperty("silent").EnumerateArray())
                .Any(s => s.GetProperty("id").GetString() == "white-house"));
        silentWhiteHouse.GetProperty("total").GetInt64().ShouldBeGreaterThan(0);

        var japan = await Get("?side=JP&pageSize=500");
        japan.GetProperty("items").EnumerateArray().ShouldAllBe(i =>
            i.GetProperty("asserting").EnumerateArray().Concat(i.GetProperty("denying").EnumerateArray()).Concat(i.GetProperty("silent").EnumerateArray())
                .Any(s => s.GetProperty("side").GetString() == "JP"));
    }

    [Fact]
    public async Task paging_never_repeats_or_skips_a_row()
    {
        var all = await All("");
        var paged = new List<(string, string, string)>();
        var first = await Get("?pageSize=4");
        var pages = first.GetProperty("pages").GetInt64();
        for (var page = 1; page <= pages; page++) paged.AddRange(Rows(await Get($"?pageSize=4&page={page}")));
        paged.ShouldBe(all);
        var past = await Get($"?pageSize=4&page={pages + 1}");
        Rows(past).ShouldBeEmpty();
        past.GetProperty("total").GetInt64().ShouldBe(all.Count);   // the total still counts every row
    }

    [Theory]
    [InlineData("台湾")]
    [InlineData("慎重")]
    [InlineData("大豆")]
    [InlineData("soybean")]
    [InlineData("SOYBEAN")]
    public async Task search_finds_the_rows_whose_words_contain_the_term_in_any_script(string term)
    {
        var found = await Get($"?q={Uri.EscapeDataString(term)}&pageSize=500");
        found.GetProperty("total").GetInt64().ShouldBeGreaterThan(0, term);
        foreach (var item in found.GetProperty("items").EnumerateArray())
            SearchableText(item).ShouldContain(term, Case.Insensitive);
    }

    /// <summary>The text search looks in: statements, speakers, quotes and their translations.</summary>
    private static string SearchableText(JsonElement item) =>
        string.Join("\n", item.GetProperty("claims").EnumerateArray().SelectMany(c => new[]
        {
            c.GetProperty("statement").GetString(),
            c.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
            c.GetProperty("quote").ValueKind == JsonValueKind.Object ? c.GetProperty("quote").GetProperty("text").GetString() : null,
            c.GetProperty("quote").ValueKind == JsonValueKind.Object && c.GetProperty("quote").TryGetProperty("translation", out var t) ? t.GetString() : null
        }));

    [Fact]
    public async Task a_two_letter_latin_term_matches_whole_words_only()
    {
        var us = await Get("?q=US&pageSize=500");
        us.GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
        foreach (var item in us.GetProperty("items").EnumerateArray())
            Regex.IsMatch(SearchableText(item), "(?<![a-z0-9])us(?![a-z0-9])", RegexOptions.IgnoreCase).ShouldBeTrue();

        (await Get("?q=taiwan")).GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
        (await Get("?q=iw")).GetProperty("total").GetInt64().ShouldBe(0);   // only inside "Taiwan"
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' or 1=1 --")]
    [InlineData("'); drop table mt_doc_discrepancyrow; --")]
    [InlineData("\\")]
    public async Task hostile_search_terms_match_nothing_and_break_nothing(string term)
    {
        (await Get($"?q={Uri.EscapeDataString(term)}")).GetProperty("total").GetInt64().ShouldBe(0);
        (await Get("")).GetProperty("total").GetInt64().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("?verdict=corroborated")]
    [InlineData("?from=yesterday")]
    [InlineData("?side=usa")]
    [InlineData("?page=0")]
    [InlineData("?page=2147483647&pageSize=500")]
    [InlineData("?pageSize=100000")]
    [InlineData("?topic=Taiwan")]
    [InlineData("?source=White%20House")]
    [InlineData("?from=2025-12-01&to=2025-01-01")]
    public async Task bad_filters_are_a_400_naming_the_parameter(string query)
    {
        var response = await app.Client(editor: false).GetAsync("/api/discrepancies" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("$.query.");
    }

    [Fact]
    public async Task a_row_carries_what_a_fact_checker_cites()
    {
        var taiwan = (await Get("?topic=taiwan&source=white-house")).GetProperty("items")[0];
        taiwan.GetProperty("callId").GetString().ShouldBe("2025-11-24-xi-trump-call");
        var omitted = taiwan.GetProperty("findings")[0];
        omitted.GetProperty("kind").GetString().ShouldBe("omitted");
        omitted.GetProperty("side").GetString().ShouldBe("US");
        var claim = taiwan.GetProperty("claims").EnumerateArray().First(c => c.GetProperty("quote").ValueKind == JsonValueKind.Object);
        claim.GetProperty("publishedAt").GetString().ShouldNotBeNull();
        claim.GetProperty("quote").GetProperty("text").GetString().ShouldNotBeNull();
        claim.GetProperty("reportedVia").GetProperty("outlet").GetString().ShouldStartWith("Bloomberg");
        taiwan.GetProperty("silent").EnumerateArray().Select(s => s.GetProperty("side").GetString()).ShouldContain("US");

        var cited = (await Get("?topic=north-korea")).GetProperty("items")[0].GetProperty("claims")[0];
        cited.GetProperty("url").GetString().ShouldStartWith("https://");
    }
}
