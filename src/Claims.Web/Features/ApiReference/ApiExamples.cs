using System.Text.Json.Nodes;

namespace Claims.Web.Features.ApiReference;

/// <summary>
/// A request body for every route that takes one, as the OpenAPI document shows it. Together they record a small call
/// from nothing, in this order (the tests send them, one after the other, to prove each is accepted as written);
/// <c>expectedVersion</c> names the version each change was made against.
/// </summary>
public static class ApiExamples
{
    public const string CallId = "2026-02-03-example-call";

    public static readonly IReadOnlyList<(string Method, string Route, string Body)> InOrder =
    [
        ("POST", "/api/sources", """{"id":"example-cn-mfa","name":"Example foreign ministry","side":"CN","kind":"government"}"""),
        ("POST", "/api/sources", """{"id":"example-white-house","name":"Example White House","side":"US","kind":"government"}"""),
        ("POST", "/api/calls", $$"""{"id":"{{CallId}}","title":"An example call","kind":"phone-call","date":"2026-02-03","participants":[{"name":"Xi Jinping","side":"CN"},{"name":"Donald Trump","side":"US"}]}"""),
        ("POST", "/api/calls/{id}/accounts", """{"id":"cn-readout","source":"example-cn-mfa","kind":"readout","publishedAt":"2026-02-03T21:00:00+08:00","language":"zh","url":"https://example.org/cn-readout","text":{"original":"两国元首通电话。习近平阐明了中方在台湾问题上的原则立场。"}}"""),
        ("POST", "/api/calls/{id}/accounts", """{"id":"us-readout","source":"example-white-house","kind":"readout","publishedAt":"2026-02-03T10:00:00-05:00","language":"en","url":"https://example.org/us-readout"}"""),
        ("POST", "/api/calls/{id}/claims", """{"id":"cn-taiwan","account":"cn-readout","topic":"taiwan","stance":"asserted","speaker":"Xi Jinping","statement":"Xi set out China's position on Taiwan.","quote":{"text":"在台湾问题上的原则立场","language":"zh","translation":"principled position on the Taiwan question"}}"""),
        ("POST", "/api/calls/{id}/claims", """{"id":"us-trade","account":"us-readout","topic":"trade","stance":"asserted","statement":"The call was about trade.","expectedVersion":4}"""),
        ("POST", "/api/claims/{callId}/{claimId}/corrections", """{"reason":"The readout speaks of trade and soybeans.","statement":"The call was about trade and soybeans.","expectedVersion":1}"""),
        ("POST", "/api/claims/{callId}/{claimId}/retraction", """{"reason":"Recorded against the wrong readout.","expectedVersion":2}"""),
        ("POST", "/api/calls/{id}/accounts/{accountId}/revisions", """{"text":{"original":"两国元首通电话。习近平阐明了中方在台湾问题上的原则立场。双方同意保持沟通。"},"publishedAt":"2026-02-04T09:00:00+08:00","reason":"A sentence on keeping in touch was added.","expectedVersion":1}"""),
        ("POST", "/api/dossiers", $$"""{"format":"claims-dossier/2","call":{"id":"2026-02-04-example-dossier","title":"An example dossier","kind":"phone-call","date":"2026-02-04","participants":[{"name":"Xi Jinping","side":"CN"},{"name":"Donald Trump","side":"US"}]},"sources":[],"accounts":[{"id":"cn-readout","source":"example-cn-mfa","kind":"readout","publishedAt":"2026-02-04T21:00:00+08:00"}],"claims":[{"id":"cn-trade","account":"cn-readout","topic":"trade","stance":"asserted","statement":"Both sides spoke of trade."}]}"""),
        ("POST", "/api/subscriptions", """{"url":"https://hooks.example.org/claims","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","filter":{"topic":"taiwan","verdict":["omitted","contradicted"]},"description":"Taiwan desk"}"""),
        ("POST", "/api/subscriptions/{id}/dead-letters/replay", """{"ids":["08df4eec-5667-7f4b-4262-059ce2aa0000"]}""")
    ];

    /// <summary>The first example for a route, as the document shows it.</summary>
    public static JsonNode? For(string method, string route) =>
        InOrder.FirstOrDefault(e => e.Method == method && e.Route == route) is { Body: { } body } ? JsonNode.Parse(body) : null;
}
