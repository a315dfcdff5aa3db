using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Web.Features.Discrepancies;

namespace Claims.Tests.FactChecking;

/// <summary>A text filter counts its matches exactly only up to <see cref="DiscrepancyCountLimit.TextMatches"/> (four pages).</summary>
public class TextCountLimitTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Topics = DiscrepancyCountLimit.TextMatches + 5;

    private async Task<JsonElement> Get(string url)
    {
        var response = await app.Client(editor: false).GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task more_text_matches_than_the_text_limit_say_more_than_it_and_a_deeper_page_counts_on()
    {
        var dossier = Dossiers.Minimal("text-count", "tc-cn", "tc-us");
        var claims = new JsonArray();
        for (var i = 0; i < Topics; i++)
            claims.Add(new JsonObject
            {
                ["id"] = $"zebra-{i:D3}", ["account"] = "cn-readout", ["topic"] = $"topic-{i:D3}", ["stance"] = "asserted",
                ["statement"] = $"A zebra crossing came up, point {i}."
            });
        dossier["claims"] = claims;
        await app.Import(dossier.ToJsonString());
        await app.WaitForProjections();

        foreach (var route in new[] { "/api/search?q=zebra", "/api/discrepancies?q=zebra" })
        {
            var first = await Get(route);
            first.GetProperty("totalExact").GetBoolean().ShouldBeFalse(route);
            first.GetProperty("total").GetInt64().ShouldBe(DiscrepancyCountLimit.TextMatches, route);

            var deep = await Get(route + "&page=5");
            deep.GetProperty("totalExact").GetBoolean().ShouldBeTrue(route);
            deep.GetProperty("total").GetInt64().ShouldBe(Topics, route);
            deep.GetProperty("items").GetArrayLength().ShouldBe(Topics - 4 * 50, route);
        }

        var unfiltered = await Get("/api/discrepancies?topic=topic-001");
        unfiltered.GetProperty("total").GetInt64().ShouldBe(1);
        new DiscrepancyCountLimit(5000).For(text: false).ShouldBe(5000);
        new DiscrepancyCountLimit(20).For(text: true).ShouldBe(20);
    }
}
