using System.Net;
using Claims.Web.Security;
using Marten;

namespace Claims.Tests.Security;

/// <summary>Named editors: each change is recorded under the key's holder; a revoked key writes nothing and its sessions end.</summary>
public class EditorAccountsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<IReadOnlyList<string?>> Writers(string callId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(callId)).Select(e => e.UserName).Distinct().ToList();
    }

    [Fact]
    public async Task a_revoked_key_writes_nothing_and_its_signed_in_session_ends_at_once()
    {
        var (key, _) = await EditorAccounts.AddAsync(app.Store, "Rita Revoked");
        var client = app.Client(key: key);
        (await client.PostAsync("/api/dossiers", Json(Dossiers.Minimal("editor-revoked", "er-cn", "er-us")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Writers("editor-revoked")).ShouldBe(["Rita Revoked"]);
        var browser = app.Client(editor: false);
        var cookie = await SignIn.Cookie(browser, key!);
        (await SignIn.IsSignedIn(browser, cookie)).ShouldBeTrue();

        (await EditorAccounts.RevokeAsync(app.Store, "rita revoked")).ShouldBeTrue();   // names match whatever their case

        var refused = await client.PostAsync("/api/dossiers", Json(Dossiers.Minimal("editor-revoked-2", "er-cn", "er-us")));
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SignIn.IsSignedIn(browser, cookie)).ShouldBeFalse();
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync("editor-revoked-2")).ShouldBeNull();
        (await SignIn.Post(browser, key!)).Cookie.ShouldBeNull();
    }

    [Fact]
    public async Task the_editor_key_setting_writes_as_the_administrator_and_an_editors_key_is_kept_only_as_its_hash()
    {
        (await app.Client().PostAsync("/api/dossiers", Json(Dossiers.Minimal("editor-admin", "ea-cn", "ea-us")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Writers("editor-admin")).ShouldBe([EditorAccounts.Administrator]);

        var (key, problem) = await EditorAccounts.AddAsync(app.Store, "Hana Hashed");
        key.ShouldNotBeNull(problem);
        key.Length.ShouldBe(32);
        await using var session = app.Store.QuerySession();
        var stored = await session.Query<EditorAccount>().Where(e => e.Id == "hana hashed").SingleAsync();
        stored.KeyHash.ShouldBe(EditorAccounts.Hash(key));
        (await session.Query<EditorAccount>().ToListAsync()).ShouldAllBe(e => !System.Text.Json.JsonSerializer.Serialize(e, (System.Text.Json.JsonSerializerOptions?)null).Contains(key));

        (await EditorAccounts.AddAsync(app.Store, "HANA HASHED")).Problem.ShouldNotBeNull();   // one editor per name
    }

    [Fact]
    public async Task a_key_that_is_empty_or_5_mb_long_signs_nobody_in_and_the_form_answers()
    {
        foreach (var key in new[] { "", new string('k', 5_000_000), "k\n", "\u0000" })
        {
            var (response, cookie) = await SignIn.Post(app.Client(editor: false), key);
            ((int)response.StatusCode).ShouldBeLessThan(500, $"{key.Length} characters");
            cookie.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ana\nLima")]
    [InlineData("Ana\u0000")]
    [InlineData("Administrator")]
    public void a_name_that_is_not_one_line_of_text_or_is_the_administrators_is_refused(string name) =>
        EditorAccounts.Check(name).ShouldNotBeNull();

    [Fact]
    public void a_long_name_is_refused_and_an_ordinary_one_is_fine()
    {
        EditorAccounts.Check(new string('a', EditorAccounts.NameMax + 1)).ShouldNotBeNull();
        EditorAccounts.Check("Ana" + (char)0xD800).ShouldNotBeNull();   // a lone surrogate: not in an attribute, which would mangle it
        EditorAccounts.Check("Zhang Wei 张伟").ShouldBeNull();
    }

    private static StringContent Json(System.Text.Json.Nodes.JsonObject dossier) =>
        new(dossier.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
