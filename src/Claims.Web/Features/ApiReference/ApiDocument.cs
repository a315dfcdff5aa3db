using Claims.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Claims.Web.Features.ApiReference;

/// <summary>
/// The OpenAPI description of every API route (<c>/openapi/v1.json</c>, ASP.NET Core's generator over the Wolverine
/// endpoints and the health routes) and an interactive reference over it (<c>/api-reference</c>, Scalar, served from
/// the package: nothing is fetched from elsewhere). Routes that write carry the editor key as their security scheme.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/openapi/v1.json";
    public const string ReferencePath = "/api-reference";
    public const string EditorKeyScheme = "editorKey";

    public static void AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            // The pages are HTML for people; the document describes the API, the feed and the health routes.
            o.ShouldInclude = d => d.RelativePath is { } path
                && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("health", StringComparison.Ordinal) || path == "discrepancies.atom");
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Claims",
                    Version = "2",
                    Description = "Official readouts of the same diplomatic call, reconciled: who said what, who stayed silent. "
                        + "Reads are open; writes need an editor's key as `Authorization: Bearer <key>`. Bad input is 400 with RFC 9457 "
                        + "problem details whose `errors` name each problem by its JSON path."
                };
                document.Tags = new HashSet<OpenApiTag>(Groups.Select(g => new OpenApiTag { Name = g.Name, Description = g.Description }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[EditorKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An editor's key: the one `editors add NAME` printed, or Claims__EditorKey."
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var description = context.Description;
                operation.Responses ??= new OpenApiResponses();
                var route = "/" + description.RelativePath;
                // Grouped as a reader looks for them (Calls, Discrepancies, Webhooks…), not by the classes that serve them.
                operation.Tags = new HashSet<OpenApiTagReference> { new(TagOf(route), context.Document) };
                operation.Summary ??= $"{description.HttpMethod} {route}";
                if (ApiExamples.For(description.HttpMethod ?? "", route) is { } example)
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Example = example } }
                    };
                if (description.ParameterDescriptions.Count > 0 || operation.RequestBody is not null)
                    operation.Responses.TryAdd("400", Problem("Bad input: `errors` names each problem by its JSON path ($.query.topic, $.claims[0].quote).", BadInput));
                if (route.Contains('{', StringComparison.Ordinal))
                    operation.Responses.TryAdd("404", Problem("No such call, account, claim, alert or subscription.", NotFound));
                var writes = context.Description.ActionDescriptor.EndpointMetadata.OfType<AuthorizeAttribute>().Any(a => a.Policy == EditorKey.Policy);
                if (!writes) return Task.CompletedTask;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(EditorKeyScheme, context.Document)] = [] });
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No editor's key, or one that is not an editor's." });
                return Task.CompletedTask;
            });
        });

    private const string BadInput = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request is not valid","status":400,
         "detail":"The claim was refused; nothing was recorded.","errors":{"$.topic":["\"Taiwan!\" is not a topic slug (lower-case words joined by hyphens, such as taiwan or rare-earths)"]}}
        """;

    private const string NotFound = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"There is no call \"2026-02-03-no-such-call\"."}
        """;

    /// <summary>The groups of routes, in the reference's order.</summary>
    private static readonly (string Name, string Description)[] Groups =
    [
        ("Calls", "Calls and their reconciled views: findings by topic, as published or as recorded at any instant."),
        ("Accounts", "Readouts and other accounts of a call: texts, versions, diffs, revisions."),
        ("Claims", "Claims recorded one at a time, corrected or retracted against the version they were made against."),
        ("Discrepancies", "Omissions, contradictions and diverging details across calls; as CSV; as ClaimReview."),
        ("Search", "Every claim and account text, in any script."),
        ("Sources", "Who published the accounts, and their records."),
        ("Alerts", "Findings as they appear or disappear: JSON and an Atom feed."),
        ("Webhooks", "Alerts posted to editors' receivers, signed; dead letters and replays."),
        ("Dossiers", "A whole call as a file: import and export.")
    ];

    private static string TagOf(string route) => route.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
    {
        ["discrepancies.atom"] or ["api", "alerts", ..] => "Alerts",
        ["api", "subscriptions", ..] => "Webhooks",
        ["api", "calls", _, "accounts", ..] => "Accounts",
        ["api", "calls", _, "claims"] or ["api", "claims", ..] => "Claims",
        ["api", "dossiers"] or ["api", "calls", _, "dossier"] => "Dossiers",
        ["api", "calls", _, "claimreview"] or ["api", "discrepancies" or "discrepancies.csv", ..] => "Discrepancies",
        ["api", "search"] => "Search",
        ["api", "sources", ..] => "Sources",
        _ => "Calls"
    };

    /// <summary>An answer in RFC 9457 problem details, as every refusal here is.</summary>
    private static OpenApiResponse Problem(string description, string example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Example = System.Text.Json.Nodes.JsonNode.Parse(example) }
        }
    };

    public static void MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi(Path.Replace("v1", "{documentName}", StringComparison.Ordinal));
        app.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("Claims API")
            .WithFavicon("/favicon.svg")
            // Scalar fetches its fonts from its own site by default; the reference uses the system's instead.
            .DisableDefaultFonts()
            .WithOpenApiRoutePattern(Path));
    }
}
