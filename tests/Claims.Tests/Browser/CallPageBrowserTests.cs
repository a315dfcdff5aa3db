using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Tests.Browser;

/// <summary>A journalist's and an editor's way through the pages, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public class CallPageBrowserTests(BrowserFixture app)
{
    private const string Sample = "/calls/2025-11-24-xi-trump-call";

    private static ILocator Cell(IPage page, string topic, string source) =>
        page.Locator($"tr[data-topic='{topic}'] td[data-source='{source}']");

    private static ILocator Verdict(IPage page, string topic) => page.Locator($"tr[data-topic='{topic}'] .badge");

    [Fact]
    public async Task the_sample_call_shows_who_said_what_about_taiwan()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Xi Jinping and Donald Trump phone call");
        await Expect(Verdict(page, "taiwan").First).ToHaveTextAsync("omitted by US");
        await Expect(Cell(page, "taiwan", "cn-mfa")).ToHaveAttributeAsync("data-state", "asserted");
        await Expect(Cell(page, "taiwan", "white-house")).ToHaveAttributeAsync("data-state", "silent");
        await Expect(Cell(page, "taiwan", "white-house")).ToContainTextAsync("silent");
        await Expect(page.Locator("th.source[data-source='takaichi']")).ToHaveCountAsync(0);   // her call is another call

        await page.Locator("tr[data-topic='taiwan'] th a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#topic-taiwan$"));
        await Expect(page.Locator("#topic-taiwan blockquote[lang='ja']").First).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline-list li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#asof-slider")).ToBeVisibleAsync();   // the script's enhancement
        await app.Screenshot(page, "call");
    }

    [Fact]
    public async Task moving_the_as_of_control_changes_the_taiwan_findings_and_the_url_keeps_the_instant()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        var first = await page.Locator("#publishedAsOf option").Nth(1).GetAttributeAsync("value");
        await page.SelectOptionAsync("#publishedAsOf", first!);
        await page.ClickAsync("form.asof button[type=submit]");

        // The readouts of both sides came out before Bessent spoke: omitted by the US, not yet corroborated.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("publishedAsOf="));
        await Expect(Verdict(page, "taiwan")).ToHaveCountAsync(1);
        await Expect(Verdict(page, "taiwan")).ToHaveTextAsync("omitted by US");
        await Expect(Cell(page, "taiwan", "bessent")).ToHaveAttributeAsync("data-state", "noaccount");
        await app.Screenshot(page, "call-as-of-the-readouts");

        var linked = page.Url;
        await page.ClickAsync("a[rel=next]");
        await Expect(Verdict(page, "taiwan").Nth(1)).ToHaveTextAsync("corroborated by CN and US");

        var again = await app.NewPage();
        await again.GotoAsync(linked);
        await Expect(Verdict(again, "taiwan")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task a_claim_leads_to_its_history()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample + "#topic-taiwan");
        await page.Locator("#topic-taiwan a", new PageLocatorOptions { HasText = "History" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Claim");
        await Expect(page.Locator(".versions li")).ToHaveCountAsync(1);
        await Expect(page.Locator(".versions li").First).ToContainTextAsync("Version 1: recorded");
        await Expect(page.Locator("#correct-form")).ToHaveCountAsync(0);   // readers cannot change it
    }

    [Fact]
    public async Task an_editor_signs_in_corrects_a_claim_and_sees_the_new_version()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/editor/signin");
        await page.FillAsync("#Key", "not the key");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#signin-problem")).ToBeVisibleAsync();

        await page.FillAsync("#Key", await app.KeyOf("Browser Editor"));
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator(".who")).ToHaveTextAsync("Editor: Browser Editor");

        await page.GotoAsync(app.BaseUrl + Sample + "#topic-fentanyl");
        await page.Locator("#topic-fentanyl a", new PageLocatorOptions { HasText = "History" }).First.ClickAsync();
        var topic = await page.InputValueAsync("#Correction_Topic");
        await page.FillAsync("#Correction_Reason", "Closer to the readout's wording");
        await page.FillAsync("#Correction_Topic", "Not A Topic");
        await page.ClickAsync("#correct-form button[type=submit]");
        await Expect(page.Locator("#change-problems")).ToContainTextAsync("$.topic");
        await Expect(page.Locator(".versions li")).ToHaveCountAsync(1);

        await page.FillAsync("#Correction_Reason", "Closer to the readout's wording");
        await page.FillAsync("#Correction_Topic", topic);
        await page.FillAsync("#Correction_Statement", "Per the Chinese readout, Trump said the US understands how important Taiwan is to China.");
        await page.ClickAsync("#correct-form button[type=submit]");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("The correction was recorded.");
        await Expect(page.Locator(".versions li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".versions li").Nth(1)).ToContainTextAsync("by Browser Editor");
        await app.Screenshot(page, "claim-history");
    }

    [Fact]
    public async Task two_editors_correct_one_claim_and_the_second_sees_the_first_ones_change_instead_of_overwriting_it()
    {
        await app.Import(Dossiers.Minimal("browser-stale", "bs-cn", "bs-us"));
        Task<IPage> SignedIn(string name) => app.SignedIn(name, "/calls/browser-stale/claims/us-trade");
        var ana = await SignedIn("Ana");
        var ben = await SignedIn("Ben");

        await ana.FillAsync("#Correction_Reason", "The readout says tariffs");
        await ana.FillAsync("#Correction_Statement", "The White House said the leaders discussed tariffs.");
        await ana.ClickAsync("#correct-form button[type=submit]");
        await Expect(ana.Locator(".notice")).ToHaveTextAsync("The correction was recorded.");

        // Ben's form was opened on version 1: his change is refused, Ana's is shown, and his entries stay.
        await ben.FillAsync("#Correction_Reason", "Closer to the wording");
        await ben.FillAsync("#Correction_Statement", "The White House said trade came up.");
        await ben.ClickAsync("#correct-form button[type=submit]");
        await Expect(ben.Locator("#changed-since")).ToContainTextAsync("The White House said the leaders discussed tariffs.");
        await Expect(ben.Locator("#changed-since")).ToContainTextAsync("by Ana");
        (await ben.InputValueAsync("#Correction_Statement")).ShouldBe("The White House said trade came up.");
        await Expect(ben.Locator(".versions li")).ToHaveCountAsync(2);

        // Submitted again, it is made on top of Ana's version.
        await ben.ClickAsync("#correct-form button[type=submit]");
        await Expect(ben.Locator(".notice")).ToHaveTextAsync("The correction was recorded.");
        await Expect(ben.Locator(".versions li")).ToHaveCountAsync(3);
        await Expect(ben.Locator(".versions li").Nth(2)).ToContainTextAsync("by Ben");
    }

    [Fact]
    public async Task an_editor_records_a_claim_that_changes_a_verdict()
    {
        await app.Import(Dossiers.Minimal("browser-record", "br-cn", "br-us"));
        var call = "/calls/browser-record";
        var page = await app.SignedIn("Recorder", call);
        await Expect(Verdict(page, "taiwan").First).ToHaveTextAsync("omitted by US");

        await page.SelectOptionAsync("#NewClaim_Account", "us-readout");
        await page.FillAsync("#NewClaim_Topic", "Not a slug");
        await page.FillAsync("#NewClaim_Statement", "A test statement.");
        await page.ClickAsync("#record-form button[type=submit]");
        await Expect(page.Locator("#record-problems")).ToContainTextAsync("topic");

        await page.FillAsync("#NewClaim_Topic", "taiwan");
        await page.SelectOptionAsync("#NewClaim_Stance", "denied");
        await page.FillAsync("#NewClaim_Statement", "The readout says Taiwan did not come up.");
        await page.FillAsync("#NewClaim_QuoteText", "台湾問題には触れなかった");
        await page.FillAsync("#NewClaim_QuoteLanguage", "ja");
        await page.ClickAsync("#record-form button[type=submit]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("was recorded");
        await Expect(Verdict(page, "taiwan").First).ToHaveTextAsync("contradicted");
        await Expect(Cell(page, "taiwan", "br-us")).ToHaveAttributeAsync("data-state", "denied");
    }

    [Fact]
    public async Task importing_a_bad_dossier_shows_every_problem_by_field()
    {
        var page = await app.SignedIn("Importer", "/import");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/import");

        var bad = Dossiers.Minimal("browser-bad-import", "bb-cn", "bb-us");
        bad["claims"]![0]!["stance"] = "maybe";
        bad["accounts"]![1]!["publishedAt"] = "yesterday";
        await page.FillAsync("#Text", bad.ToJsonString());
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#import-problems")).ToContainTextAsync("$.claims[0].stance");
        await Expect(page.Locator("#import-problems")).ToContainTextAsync("$.accounts[1].publishedAt");
        await Expect(page.Locator("#import-problems tbody tr")).ToHaveCountAsync(2);
        await app.Screenshot(page, "import-problems");

        await page.FillAsync("#Text", Dossiers.Minimal("browser-good-import", "bg-cn", "bg-us").ToJsonString());
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("7 new");

        await page.ClickAsync("header form button[type=submit]");   // sign out
        await Expect(page.Locator("header a", new PageLocatorOptions { HasText = "Editor sign-in" })).ToBeVisibleAsync();
        await page.GotoAsync(app.BaseUrl + "/import");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/editor/signin"));
    }

    [Fact]
    public async Task text_that_users_supplied_is_shown_as_text_never_run()
    {
        var dossier = Dossiers.Minimal("browser-xss", "xss-cn", "xss-us");
        dossier["claims"]![0]!["statement"] = "<script>window.pwned = true</script><img src=x onerror=\"window.pwned=true\">";
        dossier["call"]!["title"] = "<b>bold</b> title";
        await app.Import(dossier);

        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/calls/browser-xss");
        await Expect(page.Locator("h1")).ToHaveTextAsync("<b>bold</b> title");
        await Expect(page.Locator("#topic-taiwan")).ToContainTextAsync("<script>window.pwned = true</script>");
        (await page.EvaluateAsync<bool>("() => window.pwned === true")).ShouldBeFalse();
    }

    [Fact]
    public async Task the_pages_fit_a_phone()
    {
        var page = await app.NewPage(390, 844);
        foreach (var path in new[] { "/", Sample, "/discrepancies", "/search?q=%E5%8F%B0%E6%B9%BE", "/sources" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(1, path);
        }
        await page.GotoAsync(app.BaseUrl + Sample);
        await app.Screenshot(page, "call-phone");
    }

    [Fact]
    public async Task calls_discrepancies_and_search_pages_link_to_the_call()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + "/");
        await Expect(page.Locator(".card h2 a", new PageLocatorOptions { HasText = "Xi Jinping and Donald Trump" })).ToBeVisibleAsync();
        await Expect(page.Locator(".card .badge.omitted").First).ToBeVisibleAsync();
        await Expect(page.Locator(".card .badge.noreadout").First).ToContainTextAsync("US");   // the White House's silence on Takaichi's call
        await app.Screenshot(page, "calls");

        // The index is built asynchronously: reload until it has caught up.
        for (var i = 0; i < 60; i++)
        {
            await page.GotoAsync(app.BaseUrl + "/discrepancies?topic=taiwan&verdict=omitted");
            if (await page.Locator("#results .card").CountAsync() > 0) break;
            await Task.Delay(500);
        }
        await Expect(page.Locator("#results .card").First).ToContainTextAsync("taiwan");
        await app.Screenshot(page, "discrepancies");

        await page.GotoAsync(app.BaseUrl + "/search");
        await page.FillAsync("#q", "台湾");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#results .snippet").First).ToBeVisibleAsync();
        await page.Locator("#results .card h2 a", new PageLocatorOptions { HasText = "taiwan" }).First.ClickAsync();
        // A result is a topic of a call: its heading opens that topic on the call page.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/calls/2025-11-24-xi-trump-call#topic-taiwan$"));
        await Expect(page.Locator("#topic-taiwan")).ToBeVisibleAsync();
    }
}
