using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Claims.Tests.Api;

/// <summary>
/// Text PostgreSQL or UTF-8 cannot hold (NUL, a lone surrogate, bytes that are not UTF-8, a trailing line break on an
/// id) in every kind of input: each is a 400 naming where it was, never a 500, and nothing is written.
/// </summary>
public class OddInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static async Task ShouldBeRefused(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        text.ShouldContain(path);
    }

    [Theory]
    [InlineData("topic")]
    [InlineData("verdict")]
    [InlineData("source")]
    [InlineData("side")]
    [InlineData("from")]
    [InlineData("to")]
    [InlineData("q")]
    [InlineData("page")]
    [InlineData("pageSize")]
    public async Task nul_in_any_query_parameter_is_a_400_naming_it(string parameter)
    {
        await ShouldBeRefused(await app.Client(editor: false).GetAsync($"/api/discrepancies?{parameter}=a%00b"), $"$.query.{parameter}");
        await ShouldBeRefused(await app.Client(editor: false).GetAsync($"/api/discrepancies.csv?{parameter}=%00"), $"$.query.{parameter}");
    }

    [Fact]
    public async Task a_trailing_line_break_is_no_slug_in_a_query()
    {
        await ShouldBeRefused(await app.Client(editor: false).GetAsync("/api/discrepancies?topic=taiwan%0A"), "$.query.topic");
        await ShouldBeRefused(await app.Client(editor: false).GetAsync("/api/discrepancies?side=US%0A"), "$.query.side");
    }

    [Fact]
    public async Task a_dossier_that_is_not_utf8_is_refused_not_repaired()
    {
        var bytes = Encoding.UTF8.GetBytes(Dossiers.Minimal("odd-utf8", "odd-cn", "odd-us").ToJsonString()).ToList();
        var at = bytes.IndexOf((byte)'X');   // "Xi raised Taiwan."
        bytes.InsertRange(at, [0xC3, 0x28]);  // an invalid two-byte sequence
        var response = await app.Client().PostAsync("/api/dossiers", new ByteArrayContent([.. bytes]) { Headers = { ContentType = new("application/json") } });
        await ShouldBeRefused(response, "not valid UTF-8");
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync("odd-utf8")).ShouldBeNull();
    }

    [Theory]
    [InlineData("\"reason\": \"a\\u0000b\"", "$.reason")]
    [InlineData("\"reason\": \"r\", \"statement\": \"\\ud800\"", "$.statement")]
    public async Task odd_text_in_a_correction_is_a_400(string fields, string path)
    {
        await app.Import(Dossiers.Minimal("odd-correct", "oc-cn", "oc-us").ToJsonString());
        var response = await app.Client().PostAsync("/api/claims/odd-correct/cn-taiwan/corrections",
            new StringContent("{" + fields + "}", Encoding.UTF8, "application/json"));
        await ShouldBeRefused(response, path);
    }

    [Fact]
    public async Task a_correction_body_that_is_not_utf8_is_a_400()
    {
        await app.Import(Dossiers.Minimal("odd-bytes", "ob-cn", "ob-us").ToJsonString());
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"reason\": \"r\", \"statement\": \"x"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")];
        var response = await app.Client().PostAsync("/api/claims/odd-bytes/cn-taiwan/corrections",
            new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var history = await app.Client(editor: false).GetFromJsonAsync<JsonElement>("/api/claims/odd-bytes/cn-taiwan/history");
        history.GetProperty("versions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task recorded_as_of_with_an_offset_is_the_same_instant_in_utc()
    {
        await app.Import(Dossiers.Minimal("odd-offset", "oo-cn", "oo-us").ToJsonString());
        var later = DateTimeOffset.UtcNow.AddMinutes(5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var response = await app.Client(editor: false).GetAsync($"/api/calls/odd-offset/reconciliation?recordedAsOf={Uri.EscapeDataString(later)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        view.GetProperty("claimCount").GetInt32().ShouldBe(2);
    }
}
