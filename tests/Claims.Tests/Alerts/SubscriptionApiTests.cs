using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Claims.Web.Features.Alerts;

namespace Claims.Tests.Alerts;

/// <summary>Registering webhooks (POST /api/subscriptions) on a tracker with the default settings: public addresses only.</summary>
public class SubscriptionApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Secret = "a-secret-of-twenty-chars";

    private async Task<(HttpStatusCode Status, string Body)> Post(string raw, bool editor = true)
    {
        var response = await app.Client(editor).PostAsync("/api/subscriptions", new StringContent(raw, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> Count() => JsonDocument.Parse(await app.Client().GetStringAsync("/api/subscriptions")).RootElement.GetArrayLength();

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "127.0.0.1")]
    [InlineData("http://localhost/hook", "localhost")]
    [InlineData("http://10.1.2.3/hook", "10.1.2.3")]
    [InlineData("http://192.168.0.10/hook", "192.168.0.10")]
    [InlineData("http://172.20.0.5/hook", "172.20.0.5")]
    [InlineData("http://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("http://[::1]/hook", "::1")]
    [InlineData("http://[fe80::1]/hook", "fe80::1")]
    [InlineData("http://[::ffff:10.0.0.1]/hook", "10.0.0.1")]
    [InlineData("http://0.0.0.0/hook", "0.0.0.0")]
    public async Task a_loopback_private_or_link_local_address_is_refused_unless_allowed(string url, string named)
    {
        var before = await Count();
        var (status, body) = await Post(JsonSerializer.Serialize(new { url, secret = Secret }));
        status.ShouldBe(HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("$.url")[0].GetString()!;
        errors.ShouldContain("may not reach");
        errors.ShouldContain(named == "localhost" ? "127.0.0.1" : named);
        (await Count()).ShouldBe(before, "nothing was recorded");
    }

    [Theory]
    [InlineData("{}", "$.url", "is required")]
    [InlineData("{\"url\":\"http://example.org/h\"}", "$.secret", "is required")]
    [InlineData("{\"url\":\"ftp://example.org/h\",\"secret\":\"" + Secret + "\"}", "$.url", "is not an absolute http or https URL")]
    [InlineData("{\"url\":\"http://user:pw@example.org/h\",\"secret\":\"" + Secret + "\"}", "$.url", "user name or password")]
    [InlineData("{\"url\":\"http://example.org/h\\u0000\",\"secret\":\"" + Secret + "\"}", "$.url", "NUL")]
    [InlineData("{\"url\":\"http://example.org/h\\n\",\"secret\":\"" + Secret + "\"}", "$.url", "control character")]
    [InlineData("{\"url\":\"http://example.org/h\",\"secret\":\"short\"}", "$.secret", "at least 16")]
    [InlineData("{\"url\":\"http://example.org/h\",\"secret\":\"" + Secret + "\",\"filter\":{\"verdict\":[\"corroborated\"]}}", "$.filter.verdict", "not a kind of discrepancy finding")]
    [InlineData("{\"url\":\"http://example.org/h\",\"secret\":\"" + Secret + "\",\"filter\":{\"topic\":\"Taiwan!\"}}", "$.filter.topic", "not a topic slug")]
    [InlineData("{\"url\":\"http://example.org/h\",\"secret\":\"" + Secret + "\",\"filter\":{\"from\":\"2025-13-01\"}}", "$.filter.from", "not an ISO 8601 date")]
    [InlineData("{\"url\":\"http://example.org/h\",\"secret\":\"" + Secret + "\",\"filter\":{\"colour\":\"red\"}}", "$.filter.colour", "")]
    [InlineData("{\"url\":\"http://example.org/h\",\"secret\":\"" + Secret + "\",\"filter\":{\"verdict\":\"omitted\"}}", "$.filter.verdict", "must be an array")]
    public async Task bad_input_is_refused_by_its_path_and_nothing_is_recorded(string raw, string path, string message)
    {
        var before = await Count();
        var (status, body) = await Post(raw);
        status.ShouldBe(HttpStatusCode.BadRequest, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(path)[0].GetString()!.ShouldContain(message);
        (await Count()).ShouldBe(before);
    }

    [Fact]
    public async Task a_lone_surrogate_in_the_secret_or_the_filter_is_refused_by_its_path()
    {
        foreach (var (raw, path) in new[]
        {
            ("{\"url\":\"http://example.org/h\",\"secret\":\"abcdefghijklmnop\\ud800\"}", "$.secret"),
            ("{\"url\":\"http://example.org/h\",\"secret\":\"" + Secret + "\",\"filter\":{\"q\":\"\\udc00\"}}", "$.filter.q")
        })
        {
            var (status, body) = await Post(raw);
            status.ShouldBe(HttpStatusCode.BadRequest, body);
            JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(path, out _).ShouldBeTrue(body);
        }
    }

    [Fact]
    public async Task subscriptions_need_the_editor_key_and_an_unknown_one_is_404()
    {
        (await Post(JsonSerializer.Serialize(new { url = "http://example.org/h", secret = Secret }), editor: false)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(editor: false).GetAsync("/api/subscriptions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var unknown = await app.Client().GetAsync("/api/subscriptions/nope");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("There is no subscription");
        (await app.Client().DeleteAsync("/api/subscriptions/nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_delivery_never_connects_to_an_address_webhooks_may_not_reach_even_when_the_name_changed_after_the_check()
    {
        // The check at delivery is the connection's own: whatever the name resolves to then is judged again.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(WebhookAddresses.Handler(new WebhookSettings(false, [TimeSpan.FromSeconds(1)], TimeSpan.FromSeconds(2))));
        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync($"http://localhost:{port}/hook", new StringContent("{}")));
        refused.InnerException.ShouldBeOfType<WebhookRefusedException>();
        listener.Pending().ShouldBeFalse("no connection was made");
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("192.0.2.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2002:0a00:0001::1", false)]
    [InlineData("2002:0808:0808::1", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void public_addresses_are_told_from_the_rest(string address, bool isPublic) =>
        WebhookAddresses.IsPublic(IPAddress.Parse(address)).ShouldBe(isPublic);
}
