using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Claims.Web.Settings;
using Microsoft.Extensions.Options;

namespace Claims.Web.Security;

/// <summary>
/// Writes need <c>Authorization: Bearer &lt;key&gt;</c>: an editor's own key (<c>editors add NAME</c>), or
/// <c>Claims__EditorKey</c>, the first administrator's. The name recorded with a change is the key's holder, never
/// one the request declares.
/// </summary>
public static class EditorKey
{
    public const string Scheme = "EditorKey";
    /// <summary>The editors' pages sign in with the same key and keep a cookie.</summary>
    public const string CookieScheme = "EditorCookie";
    /// <summary>Reads a bearer key when the request has one, the cookie otherwise.</summary>
    private const string EitherScheme = "EditorKeyOrCookie";
    public const string Policy = "editor";
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
                // Secure whenever the page was asked for over HTTPS, directly or through a proxy that says so
                // (X-Forwarded-Proto, read by the forwarded-headers middleware).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = RejectIfTheKeyChanged;
            });
        services.AddOptions<EditorKeyOptions>(Scheme).Configure<IOptions<ClaimsSettings>>((o, settings) => o.Key = settings.Value.EditorKey);
        // The cookie holds only a session's id; the session lives in the database until it expires or the editor signs out.
        services.AddSingleton<ITicketStore, EditorSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<ITicketStore>((o, sessions) => o.SessionStore = sessions);
        services.AddSingleton<KeyGuessLimiter>();
        services.AddKeyRingInDatabase();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
    }

    /// <summary>The claim that ties a signed-in session to the key it was signed in with.</summary>
    public const string KeyClaim = "claims:key";

    /// <summary>A short, one-way fingerprint of a key: what a session remembers of the key it was opened with.</summary>
    public static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("claims-editor-session:" + key)))[..32];

    /// <summary>The key configured now.</summary>
    public static string? Current(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<EditorKeyOptions>>().Get(Scheme).Key;

    /// <summary>A session opened with a key that was changed or revoked since ends at its next request.</summary>
    private static async Task RejectIfTheKeyChanged(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity?.Name is { } name && await EditorAccounts.StillValidAsync(context.HttpContext, name, principal.FindFirst(KeyClaim)?.Value))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieScheme);
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

public sealed class EditorKeyHandler(IOptionsMonitor<EditorKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, KeyGuessLimiter guesses)
    : AuthenticationHandler<EditorKeyOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        if (guesses.Blocked(Context))
        {
            Context.Items[KeyGuessLimiter.Refused] = true;
            return AuthenticateResult.Fail("Too many wrong editor keys from this address.");
        }
        if (await EditorAccounts.ResolveAsync(Context, header["Bearer ".Length..]) is not { } editor)
        {
            guesses.Failed(Context);
            return AuthenticateResult.Fail("The editor key does not match.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, editor.Name)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(KeyGuessLimiter.Refused))
        {
            KeyGuessLimiter.TooMany(Response);
            return Response.WriteAsJsonAsync(new
            {
                type = "https://tools.ietf.org/html/rfc6585#section-4",
                title = "Too many requests",
                status = 429,
                detail = $"Too many wrong editor keys from this address; try again in {KeyGuessLimiter.Replenishment.TotalSeconds:0} seconds."
            }, options: null, contentType: "application/problem+json");
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"claims\"";
        return Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            title = "Unauthorized",
            status = 401,
            detail = "Writes need the header 'Authorization: Bearer <editor key>' with an editor's own key (editors add NAME) or Claims__EditorKey."
        }, options: null, contentType: "application/problem+json");
    }
}
