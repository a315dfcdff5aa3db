using System.Net;

namespace Claims.Tests.Security;

/// <summary>
/// An editor's session is bound to the tracker's database and to the key it was opened with, and ends for good on
/// sign-out: a copy of the cookie is worth nothing afterwards, on another tracker, or once the key has changed.
/// </summary>
public class SessionTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly OtherTracker _other = new();

    public Task InitializeAsync() => _other.InitializeAsync();
    public Task DisposeAsync() => _other.DisposeAsync();

    [Fact]
    public async Task signing_out_ends_the_session_and_a_replayed_cookie_is_worth_nothing()
    {
        var client = app.Client(editor: false);
        var cookie = await SignIn.Cookie(client, AppFixture.EditorKey);
        (await SignIn.IsSignedIn(client, cookie)).ShouldBeTrue();

        await SignOutWithToken(client, cookie);

        (await SignIn.IsSignedIn(client, cookie)).ShouldBeFalse();
    }

    [Fact]
    public async Task a_cookie_means_nothing_to_a_tracker_on_another_database_with_another_key()
    {
        var cookie = await SignIn.Cookie(app.Client(editor: false), AppFixture.EditorKey);
        (await SignIn.IsSignedIn(_other.Client(editor: false), cookie)).ShouldBeFalse();
    }

    [Fact]
    public async Task changing_the_key_ends_every_session_opened_with_the_old_one()
    {
        var cookie = await SignIn.Cookie(app.Client(editor: false), AppFixture.EditorKey);
        await using var sameDatabase = new OtherTracker(app.Schema);   // the same database and key ring, a new key
        await sameDatabase.InitializeAsync();
        (await SignIn.IsSignedIn(sameDatabase.Client(editor: false), cookie)).ShouldBeFalse();
        // Seen with the wrong key, the session was ended, not just refused: it is gone on every tracker of the database.
        (await SignIn.IsSignedIn(app.Client(editor: false), cookie)).ShouldBeFalse();
    }

    [Fact]
    public async Task the_cookie_is_secure_when_the_page_came_over_https()
    {
        var client = app.Client(editor: false);
        client.BaseAddress = new Uri("https://localhost/");
        var (_, cookie) = await SignIn.Post(client, AppFixture.EditorKey);
        cookie.ShouldNotBeNull().ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);

        var (_, plain) = await SignIn.Post(app.Client(editor: false), AppFixture.EditorKey);
        plain.ShouldNotBeNull().ShouldNotContain("secure", Case.Insensitive);
    }

    /// <summary>Signs out through the layout's sign-out form, with its anti-forgery token.</summary>
    private static async Task SignOutWithToken(HttpClient client, string cookie)
    {
        var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/editor/signout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) })
        };
        signOut.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        (await client.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>A second tracker with a key of its own, on a schema of its own unless one is given.</summary>
    private sealed class OtherTracker(string? schema = null) : AppFixture, IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Claims:EditorKey"] = "another-trackers-key",
            ["Claims:Schema"] = schema ?? TestDatabase.NewSchema("other"),
        };
    }
}
