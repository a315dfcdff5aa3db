using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Claims.Tests.FactChecking;

/// <summary>The index with the golden dossiers and a count limit of 5, so that pages say "more than".</summary>
public sealed class CountLimitFixture : IndexFixture
{
    public const int Limit = 5;
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Claims:CountLimit"] = $"{Limit}" };
}

/// <summary>Past Claims:CountLimit matches a page says "more than" instead of counting every one, and paging still reaches every row.</summary>
public class CountLimitTests(CountLimitFixture app) : IClassFixture<CountLimitFixture>
{
    private async Task<JsonElement> Get(string query)
    {
        var response = await app.Client(editor: false).GetAsync("/api/discrepancies" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Keys(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("callId").GetString()}/{i.GetProperty("topic").GetString()}").ToList();

    [Fact]
    public async Task a_full_page_with_more_matches_than_the_limit_says_more_than_the_limit()
    {
        var all = await Get("?pageSize=500");
        all.GetProperty("totalExact").GetBoolean().ShouldBeTrue();   // a last page counts itself, whatever the limit
        var count = all.GetProperty("total").GetInt64();
        count.ShouldBeGreaterThan(3 * CountLimitFixture.Limit);

        var first = await Get("?pageSize=2");
        first.GetProperty("totalExact").GetBoolean().ShouldBeFalse();
        first.GetProperty("total").GetInt64().ShouldBe(CountLimitFixture.Limit);
        first.GetProperty("pages").GetInt64().ShouldBe(3);

        // Deeper than the limit, the count reaches at least the end of the page asked for.
        var deep = await Get("?pageSize=2&page=5");
        deep.GetProperty("totalExact").GetBoolean().ShouldBeFalse();
        deep.GetProperty("total").GetInt64().ShouldBe(10);
        Keys(deep).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_filter_with_no_more_matches_than_the_limit_is_counted_exactly()
    {
        var all = Keys(await Get("?pageSize=500"));
        var au = await Get("?side=AU&pageSize=500");
        var matches = au.GetProperty("total").GetInt64();
        matches.ShouldBeInRange(2, CountLimitFixture.Limit);   // the golden dossiers give AU a handful
        var page = await Get("?side=AU&pageSize=1");
        page.GetProperty("totalExact").GetBoolean().ShouldBeTrue();
        page.GetProperty("total").GetInt64().ShouldBe(matches);
        all.Count.ShouldBeGreaterThan((int)matches);
    }

    [Fact]
    public async Task paging_on_while_pages_are_full_reaches_every_row_once()
    {
        var all = Keys(await Get("?pageSize=500"));
        var paged = new List<string>();
        for (var page = 1; ; page++)
        {
            var rows = Keys(await Get($"?pageSize=3&page={page}"));
            paged.AddRange(rows);
            if (rows.Count < 3) break;
        }
        paged.ShouldBe(all);
        var past = await Get($"?pageSize=3&page={all.Count / 3 + 2}");
        Keys(past).ShouldBeEmpty();
        past.GetProperty("totalExact").GetBoolean().ShouldBeTrue();
        past.GetProperty("total").GetInt64().ShouldBe(all.Count);
    }

    [Fact]
    public async Task the_page_says_more_than_and_offers_the_next_page()
    {
        var html = await app.Client(editor: false).GetStringAsync("/discrepancies");
        var status = Regex.Match(html, "role=\"status\">([^<·]*)").Groups[1].Value.Trim();
        status.ShouldBe("More than 20 discrepancies, page 1");   // the page shows 20 rows, and counts at least to its end
        html.ShouldContain("rel=\"next\"");
    }
}
