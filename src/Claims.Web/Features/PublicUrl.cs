using Claims.Web.Settings;

namespace Claims.Web.Features;

public static class PublicUrl
{
    /// <summary>
    /// Where the public pages live, for links in exports: <c>Claims__PublicUrl</c>, else the address the request
    /// came to, else the tracker's default address.
    /// </summary>
    public static string Of(ClaimsSettings settings, HttpRequest? request = null) =>
        (settings.PublicUrl is { Length: > 0 } configured ? configured
            : request is not null ? $"{request.Scheme}://{request.Host}"
            : "http://127.0.0.1:5080").TrimEnd('/');
}
