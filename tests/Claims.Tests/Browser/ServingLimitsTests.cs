using System.Net;
using System.Text;
using System.Text.Json;

namespace Claims.Tests.Browser;

/// <summary>
/// The built program serving over real HTTP (Kestrel, not the in-memory test server): requests over its limits get
/// problem details naming what is wrong, and a proxy on loopback that says the browser came over HTTPS gets a Secure cookie.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ServingLimitsTests(BrowserFixture app)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string path)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetInt32().ShouldBe((int)status);
        body.GetProperty("errors").TryGetProperty(path, out _).ShouldBeTrue(body.ToString());
    }

    [Fact]
    public async Task a_url_too_long_is_414_with_problem_details()
    {
        using var client = Client();
        await ShouldBeProblem(await client.GetAsync("/api/discrepancies?q=" + new string('a', 9000)), HttpStatusCode.RequestUriTooLong, "$.url");
    }

    [Fact]
    public async Task headers_too_large_are_431_with_problem_details()
    {
        using var client = Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls");
        request.Headers.Add("X-Filler", new string('h', 40_000));
        await ShouldBeProblem(await client.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge, "$.headers");
    }

    [Fact]
    public async Task a_body_too_large_is_413_with_problem_details()
    {
        // The client waits for the tracker's answer to "Expect: 100-continue" as long as it takes (by default it sends the
        // body after one second, and a busy machine then gets a broken pipe when the tracker refuses mid-upload).
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
            { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BrowserFixture.EditorKey);
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"format\":\"" + new string('x', 31 * 1024 * 1024) + "\"}"));
        body.Headers.ContentType = new("application/json");
        // Expect: 100-continue, as a careful client sends a large body: the tracker answers before the body is sent.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = body };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("413");
    }

    [Fact]
    public async Task a_proxy_on_loopback_saying_https_gets_a_secure_cookie()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var (response, cookie) = await SignIn.Post(client, BrowserFixture.EditorKey);
        cookie.ShouldNotBeNull($"{(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "signin-problem\">([^<]*)").Groups[1].Value}").ShouldContain("secure", Case.Insensitive);
    }

    [Theory]
    [InlineData("/api/calls/%00/reconciliation")]
    [InlineData("/api/sources/white%00house")]
    public async Task nul_in_a_path_is_a_400_before_the_tracker_sees_it(string path)
    {
        // Kestrel itself refuses a path holding NUL (its own 400, before any middleware); the tracker never gets it.
        using var client = Client();
        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
