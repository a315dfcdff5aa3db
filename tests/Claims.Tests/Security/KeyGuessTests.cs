using System.Net;
using System.Text;

namespace Claims.Tests.Security;

/// <summary>Guessing the editor key is limited: ten wrong keys, then 429 with Retry-After, over the API and on the form.</summary>
public class KeyGuessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ten_wrong_keys_then_429_with_retry_after_and_the_form_is_limited_too()
    {
        var dossier = Dossiers.Minimal("guess-call", "gs-cn", "gs-us").ToJsonString();
        for (var i = 0; i < Claims.Web.Security.KeyGuessLimiter.Burst; i++)
        {
            var wrong = await app.Client(key: $"guess-{i}").PostAsync("/api/dossiers", new StringContent(dossier, Encoding.UTF8, "application/json"));
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"guess {i + 1}");
        }

        var limited = await app.Client(key: "guess-more").PostAsync("/api/dossiers", new StringContent(dossier, Encoding.UTF8, "application/json"));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(0);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Too many wrong editor keys");

        // While over the limit a key is not even compared: guessing the right one gains nothing.
        var right = await app.Client().PostAsync("/api/dossiers", new StringContent(dossier, Encoding.UTF8, "application/json"));
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        var (form, cookie) = await SignIn.Post(app.Client(editor: false), AppFixture.EditorKey);
        form.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        cookie.ShouldBeNull();
        (await app.Store.QuerySession().Events.FetchStreamStateAsync("guess-call")).ShouldBeNull();
    }
}
