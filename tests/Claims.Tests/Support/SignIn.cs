using System.Net;
using System.Text.RegularExpressions;

namespace Claims.Tests.Support;

/// <summary>Signs an editor in through the sign-in form, as a browser does, and hands back the session cookie.</summary>
public static partial class SignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The form's answer, and the editor's cookie (<c>claims-editor=…</c>) when it set one.</summary>
    public static async Task<(HttpResponseMessage Response, string? Cookie)> Post(HttpClient client, string key)
    {
        var form = await client.GetAsync("/editor/signin");
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Post, "/editor/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value), ["Key"] = key
            })
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("claims-editor=", StringComparison.Ordinal))
            : null;
        return (response, cookie);
    }

    /// <summary>Signs in and fails the test unless a session cookie came back; the cookie as a request sends it.</summary>
    public static async Task<string> Cookie(HttpClient client, string key)
    {
        var (response, cookie) = await Post(client, key);
        cookie.ShouldNotBeNull($"no session cookie: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return cookie.Split(';')[0];
    }

    /// <summary>Whether a request with this cookie is treated as a signed-in editor (the import page answers instead of redirecting).</summary>
    public static async Task<bool> IsSignedIn(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/import");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
