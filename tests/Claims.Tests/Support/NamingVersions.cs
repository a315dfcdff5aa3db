using System.Text.RegularExpressions;

namespace Claims.Tests.Support;

/// <summary>
/// What a careful client does before a change: reads the resource and names the version it read (If-Match from the
/// ETag), unless the request names one itself. Tests that are not about versions send their changes through it;
/// those that are (stale and missing versions) name their own or use a client without it.
/// </summary>
public sealed partial class NamingVersions(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    [GeneratedRegex("^/api/claims/([^/]+)/([^/]+)/(corrections|retraction)$")]
    private static partial Regex ClaimChange();

    [GeneratedRegex("^/api/calls/([^/]+)/accounts/([^/]+)/revisions$")]
    private static partial Regex Revision();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method == HttpMethod.Post && request.Headers.IfMatch.Count == 0 && ResourceOf(request.RequestUri!.AbsolutePath) is { } resource
            && !(request.Content is not null && (await request.Content.ReadAsStringAsync(ct)).Contains("\"expectedVersion\"")))
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri, resource));
            using var answer = await base.SendAsync(read, ct);
            if (answer.Headers.ETag is { } tag) request.Headers.TryAddWithoutValidation("If-Match", tag.Tag);
        }
        return await base.SendAsync(request, ct);
    }

    private static string? ResourceOf(string path) =>
        ClaimChange().Match(path) is { Success: true } c ? $"/api/claims/{c.Groups[1].Value}/{c.Groups[2].Value}/history"
        : Revision().Match(path) is { Success: true } r ? $"/api/calls/{r.Groups[1].Value}/accounts/{r.Groups[2].Value}"
        : null;
}
