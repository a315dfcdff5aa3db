using Claims.Domain.Dossiers;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Claims.Web.Features;

/// <summary>
/// Requests the tracker can never serve are answered before any work, each with problem details naming what is
/// wrong: text that PostgreSQL cannot store (NUL, a lone surrogate) anywhere in the path or the query, a URL or
/// headers too long, a body too large. Kestrel's own limits are set above the tracker's so that the tracker, not
/// the server (which answers with an empty body), is the one to refuse.
/// </summary>
public static class RequestHygiene
{
    public const int MaxUrlLength = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const long MaxBodyBytes = 30 * 1024 * 1024;

    public static void LimitRequests(this WebApplicationBuilder builder) => builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Limits.MaxRequestLineSize = 8 * MaxUrlLength;
        kestrel.Limits.MaxRequestHeadersTotalSize = 4 * MaxHeaderBytes;
        kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
    });

    public static IApplicationBuilder UseRequestHygiene(this IApplicationBuilder app)
    {
        // An exception that carries its own status (a body over the limit is 413) keeps it, the database's state
        // (a full disk, a server that does not answer) is 503 (DatabaseFaults); the rest are 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode
                : DatabaseFaults.Describe(e) is not null ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError
        });
        app.UseStatusCodePages(async context => await WriteProblem(context.HttpContext, null));
        return app.Use(async (context, next) =>
        {
            if (Refusal(context.Request) is { } problem)
            {
                context.Response.StatusCode = problem.Status;
                await WriteProblem(context, problem.Problem);
                return;
            }
            await next();
        });
    }

    private static (int Status, Problem Problem)? Refusal(HttpRequest request)
    {
        var url = request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (url > MaxUrlLength)
            return (StatusCodes.Status414UriTooLong, new Problem("$.url", $"is {url:N0} characters long; at most {MaxUrlLength:N0} are served"));
        var headers = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0));
        if (headers > MaxHeaderBytes)
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge,
                new Problem("$.headers", $"hold {headers:N0} characters; at most {MaxHeaderBytes:N0} are served"));
        if (Unstorable(request.Path.Value) is { } pathProblem)
            return (StatusCodes.Status400BadRequest, new Problem("$.path", pathProblem));
        foreach (var (name, values) in request.Query)
        {
            if (Unstorable(name) is { } nameProblem) return (StatusCodes.Status400BadRequest, new Problem("$.query", nameProblem));
            foreach (var value in values)
                if (Unstorable(value) is { } valueProblem) return (StatusCodes.Status400BadRequest, new Problem($"$.query.{name}", valueProblem));
        }
        return null;
    }

    /// <summary>Why a text can never be stored or matched, or null when it can.</summary>
    public static string? Unstorable(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0') return "must not contain the NUL character (%00)";
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return "is not valid Unicode text: it holds a lone surrogate";
        }
        return null;
    }

    private static async Task WriteProblem(HttpContext context, Problem? problem)
    {
        var status = context.Response.StatusCode;
        var title = ReasonPhrases.GetReasonPhrase(status);
        var detail = problem is null ? null : $"{problem.Path} {problem.Message}";
        if (!context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Accept.ToString().Contains("text/html"))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} {title} · Claims</title></head>" +
                $"<body><h1>{status} {System.Net.WebUtility.HtmlEncode(title)}</h1><p>{System.Net.WebUtility.HtmlEncode(detail ?? "")}</p><p><a href=\"/\">Calls</a></p></body></html>");
            return;
        }
        var errors = problem is null ? null : new Dictionary<string, string[]> { [problem.Path] = [problem.Message] };
        await Results.Problem(detail, statusCode: status, title: title,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors }).ExecuteAsync(context);
    }
}
