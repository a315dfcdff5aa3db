using System.Net;
using System.Text.RegularExpressions;

namespace Claims.Tests.Api;

/// <summary>Compressed responses, cached static files, a favicon and a description on every page.</summary>
public class HttpHygieneTests(SampleAppFixture app) : IClassFixture<SampleAppFixture>
{
    [Theory]
    [InlineData("/calls/2025-11-24-xi-trump-call", "text/html")]
    [InlineData("/api/calls/2025-11-24-xi-trump-call/reconciliation", "application/json")]
    [InlineData("/discrepancies.atom", "application/atom+xml")]
    public async Task responses_are_compressed_for_clients_that_take_it(string url, string type)
    {
        await app.WaitForProjections();   // the feed holds the sample's alerts once the index has caught up
        var client = app.Client(editor: false);
        var plain = await client.GetByteArrayAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
        // A page of tens of kilobytes shrinks several times; a short feed (before the index has raised many alerts) less.
        compressed.ShouldBeLessThan(plain.Length > 10_000 ? plain.Length / 3 : plain.Length);
    }

    [Fact]
    public async Task versioned_static_files_are_cached_for_a_year_and_the_favicon_is_served()
    {
        var client = app.Client(editor: false);
        var page = await client.GetStringAsync("/");
        var css = Regex.Match(page, "href=\"(/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        css.ShouldNotBeEmpty();
        var versioned = await client.GetAsync(css);
        versioned.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        (await client.GetAsync("/site.css")).Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromHours(1));

        page.ShouldContain("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
        var icon = await client.GetAsync("/favicon.svg");
        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    [Theory]
    [InlineData("/", "official readouts")]
    [InlineData("/discrepancies", "where the official readouts of a call part")]
    [InlineData("/search", "every readout")]
    [InlineData("/sources", "stayed silent")]
    [InlineData("/sources/white-house", "What The White House said")]
    [InlineData("/calls/2025-11-24-xi-trump-call", "Xi Jinping and Donald Trump phone call, 24 November 2025")]
    [InlineData("/calls/2025-11-24-xi-trump-call/readouts", "in columns")]
    public async Task every_page_has_a_description_of_its_own(string url, string words)
    {
        var page = await app.Client(editor: false).GetStringAsync(url);
        var description = Regex.Match(page, "<meta name=\"description\" content=\"([^\"]+)\">").Groups[1].Value;
        WebUtility.HtmlDecode(description).ShouldContain(words);
    }
}
