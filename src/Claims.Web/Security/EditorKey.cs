using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Claims.Web.Security;

/// <summary>
/// Writes need <c>Authorization: Bearer &lt;key&gt;</c> matching <c>Claims__EditorKey</c>. The editor's name for
/// the event log comes from the optional <c>X-Editor</c> header, so one shared key still says who wrote what.
/// </summary>
public static class EditorKey
{
    public const string Scheme = "EditorKey";
    /// <summary>The editors' pages sign in with the same key and keep a cookie.</summary>
    public const string CookieScheme = "EditorCookie";
    /// <summary>Reads a bearer key when the request has one, the cookie otherwise.</summary>
    private const string EitherScheme = "EditorKeyOrCookie";
    public const string Policy = "editor";
    public const string EditorHeader = "X-Editor";
    public const string DefaultEditor = "editor";

    public static void AddEditorKey(this IServiceCollection services)
    {
        services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "Editor key or cookie", o =>
                o.ForwardDefaultSelector = context => context.Request.Headers.Authorization.Count > 0 ? Scheme : CookieScheme)
            .AddScheme<EditorKeyOptions, EditorKeyHandler>(Scheme, _ => { })
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = "/editor/signin";
                o.LogoutPath = "/editor/signout";
                o.Cookie.Name = "claims-editor";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            });
        services.AddOptions<EditorKeyOptions>(Scheme).Configure<IConfiguration>((o, config) => o.Key = config["Claims:EditorKey"]);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
    }

    /// <summary>An editor's name, cleaned to a short single line.</summary>
    public static string CleanName(string? name)
    {
        var line = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return line.Length == 0 ? DefaultEditor : line.Length > 100 ? line[..100] : line;
    }

    /// <summary>The editor named by the request, cleaned to a short single line.</summary>
    public static string EditorName(this ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : DefaultEditor;

    /// <summary>Compares in constant time: hashing first makes both sides the same length.</summary>
    public static bool Matches(string expected, string offered) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(offered)));
}

public sealed class EditorKeyOptions : AuthenticationSchemeOptions
{
    public string? Key { get; set; }
}

public sealed class EditorKeyHandler(IOptionsMonitor<EditorKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<EditorKeyOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (Options.Key is not { Length: > 0 } key || !EditorKey.Matches(key, header["Bearer ".Length..].Trim()))
            return Task.FromResult(AuthenticateResult.Fail("The editor key does not match."));

        var editor = EditorKey.CleanName(Request.Headers[EditorKey.EditorHeader].ToString());
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, editor)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"claims\"";
        return Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            title = "Unauthorized",
            status = 401,
            detail = "Writes need the header 'Authorization: Bearer <editor key>' with the key set in Claims__EditorKey."
        }, options: null, contentType: "application/problem+json");
    }
}
