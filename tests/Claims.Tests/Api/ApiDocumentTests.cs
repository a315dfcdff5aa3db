using System.Net;
using System.Text;
using System.Text.Json;
using Claims.Tests.Alerts;
using Claims.Web.Features.ApiReference;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Claims.Tests.Api;

/// <summary>The OpenAPI document: every API route, its problem answers, the editor-key scheme, and examples the API accepts as written.</summary>
public class ApiDocumentTests(AlertAppFixture app) : IClassFixture<AlertAppFixture>
{
    private async Task<JsonElement> Document() =>
        JsonDocument.Parse(await app.Client(editor: false).GetStringAsync(ApiDocument.Path)).RootElement;

    [Fact]
    public async Task the_document_lists_every_api_route_with_its_methods()
    {
        var routes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/discrepancies.atom"))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {e.RoutePattern.RawText!.Replace("{*id}", "{id}")}"))
            .Order().ToList();
        routes.Count.ShouldBeGreaterThan(25);

        var paths = (await Document()).GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).Order().ToList();
        documented.ShouldBe(routes);
    }

    [Fact]
    public async Task writes_carry_the_editor_key_scheme_and_every_refusal_is_problem_details()
    {
        var document = await Document();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiDocument.EditorKeyScheme).GetProperty("scheme").GetString().ShouldBe("bearer");
        var paths = document.GetProperty("paths");
        var post = paths.GetProperty("/api/calls/{id}/claims").GetProperty("post");
        post.GetProperty("security")[0].TryGetProperty(ApiDocument.EditorKeyScheme, out _).ShouldBeTrue();
        post.GetProperty("responses").GetProperty("401").ShouldNotBe(default);
        post.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
        post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("topic").GetString().ShouldBe("taiwan");
        paths.GetProperty("/api/calls/{id}/reconciliation").GetProperty("get").TryGetProperty("security", out _).ShouldBeFalse("reads are open");
    }

    [Fact]
    public async Task every_example_body_is_accepted_by_its_route_as_written()
    {
        var client = app.Client(namingVersions: false);
        string? subscription = null;
        foreach (var (method, route, body) in ApiExamples.InOrder)
        {
            var url = route.Replace("{callId}", ApiExamples.CallId).Replace("{claimId}", "us-trade").Replace("{accountId}", "cn-readout")
                .Replace("/api/subscriptions/{id}", $"/api/subscriptions/{subscription}").Replace("{id}", ApiExamples.CallId);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            var answer = await response.Content.ReadAsStringAsync();
            if (route == "/api/subscriptions")
            {
                // Its host is a name for documentation, which resolves nowhere: refused for that alone, or accepted where it resolves.
                if (response.StatusCode == HttpStatusCode.BadRequest) { answer.ShouldContain("does not resolve"); continue; }
                subscription = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetString();
            }
            if (route.Contains("dead-letters/replay", StringComparison.Ordinal) && subscription is null) continue;
            ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{method} {url}: {answer}");
        }
    }

    [Fact]
    public async Task the_reference_page_is_served_with_the_document_from_this_site()
    {
        var response = await app.Client(editor: false).GetAsync(ApiDocument.ReferencePath + "/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(ApiDocument.Path.TrimStart('/'));
        html.ShouldNotContain("cdn.jsdelivr.net");
    }
}
