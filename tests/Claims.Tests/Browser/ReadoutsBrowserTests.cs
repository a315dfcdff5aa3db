using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Tests.Browser;

/// <summary>
/// The readouts side by side and an account's page, in a real browser, on a call written for the test: a Chinese
/// readout and an English one (later revised to drop its Taiwan sentence), each with claims quoting it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReadoutsBrowserTests(BrowserFixture app)
{
    private const string Call = "browser-readouts";
    private const string ChineseText = "双方讨论了经贸问题。\n习近平强调，台湾问题是中美关系中最重要的问题。";
    private const string EnglishText = "The two leaders discussed trade and fentanyl.\nThe US side understands how important the Taiwan question is to China.";

    private static async Task<bool> Imported(BrowserFixture app)
    {
        using var client = new HttpClient();
        return (await client.GetAsync($"{app.BaseUrl}/api/calls/{Call}/reconciliation")).IsSuccessStatusCode;
    }

    /// <summary>The test call, once for the collection: its US readout revised a day later.</summary>
    private async Task Given()
    {
        if (await Imported(app)) return;
        var d = Dossiers.Minimal(Call, "rd-cn", "rd-us");
        d["format"] = "claims-dossier/2";
        d["accounts"]![0]!["text"] = new JsonObject
        {
            ["original"] = ChineseText,
            ["translations"] = new JsonArray(new JsonObject { ["language"] = "en", ["text"] = "The two sides discussed trade. Xi stressed that the Taiwan question is the most important issue in China-US relations.", ["by"] = "Test translator" })
        };
        d["accounts"]![1]!["text"] = new JsonObject { ["original"] = EnglishText };
        var claims = d["claims"]!.AsArray();
        claims[0]!["quote"] = new JsonObject { ["text"] = "台湾问题是中美关系中最重要的问题", ["language"] = "zh", ["translation"] = "the Taiwan question is the most important issue" };
        claims[1]!["quote"] = new JsonObject { ["text"] = "discussed trade", ["language"] = "en" };
        claims.Add(new JsonObject
        {
            ["id"] = "us-taiwan", ["account"] = "us-readout", ["topic"] = "taiwan", ["stance"] = "asserted", ["statement"] = "The US side acknowledged the weight of the Taiwan question.",
            ["quote"] = new JsonObject { ["text"] = "understands how important the Taiwan question is to China", ["language"] = "en" }
        });
        claims.Add(new JsonObject
        {
            ["id"] = "us-fentanyl", ["account"] = "us-readout", ["topic"] = "fentanyl", ["stance"] = "asserted", ["statement"] = "Fentanyl came up.",
            ["quote"] = new JsonObject { ["text"] = "fentanyl", ["language"] = "en" }
        });
        await app.Import(d);
        await app.Post($"/api/calls/{Call}/accounts/us-readout/revisions", """
            { "text": { "original": "The two leaders discussed trade and fentanyl." }, "publishedAt": "2025-11-25T09:00:00-05:00",
              "reason": "The White House removed the sentence on Taiwan." }
            """);
    }

    [Fact]
    public async Task the_readouts_stand_side_by_side_with_each_claims_words_highlighted_and_linked()
    {
        await Given();
        var page = await app.NewPage();
        await page.GotoAsync($"{app.BaseUrl}/calls/{Call}/readouts");
        var columns = page.Locator(".readouts .account-text");
        await Expect(columns).ToHaveCountAsync(2);
        await Expect(columns.Nth(0).Locator("h2")).ToContainTextAsync("Chinese foreign ministry");   // the CN side's readout first: CN is the first participant
        var taiwan = page.Locator("#q-cn-taiwan");
        await Expect(taiwan).ToHaveTextAsync("台湾问题是中美关系中最重要的问题taiwan");   // the words, then their topic
        (await taiwan.GetAttributeAsync("href")).ShouldBe($"/calls/{Call}#claim-cn-taiwan");
        // The revised US readout: its Taiwan sentence is gone, and the claim that quoted it is listed as no longer in the text.
        await Expect(columns.Nth(1).Locator(".orphans")).ToContainTextAsync("quote no longer in the text since version 2");
        // The Chinese readout says nothing of trade or fentanyl, which the US readout raised: its margin says so.
        await Expect(columns.Nth(0).Locator(".margin-note")).ToContainTextAsync("trade");
        await Expect(columns.Nth(0).Locator(".margin-note")).ToContainTextAsync("fentanyl");
        await app.Screenshot(page, "readouts");

        // By keyboard: the first highlight is reachable with Tab and leads to its claim.
        await taiwan.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/calls/{Call}#claim-cn-taiwan$"));
        await Expect(page.Locator("#claim-cn-taiwan a", new PageLocatorOptions { HasText = "Where these words stand" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_view_as_published_before_the_revision_shows_the_old_text_and_translations_switch()
    {
        await Given();
        var page = await app.NewPage();
        await page.GotoAsync($"{app.BaseUrl}/calls/{Call}/readouts?publishedAsOf=2025-11-25T08:00:00-05:00");
        await Expect(page.Locator("#q-us-taiwan")).ToContainTextAsync("understands how important the Taiwan question is to China");
        await page.GotoAsync($"{app.BaseUrl}/calls/{Call}/readouts?lang=en");
        await Expect(page.Locator("#text-cn-readout .text-body")).ToContainTextAsync("Xi stressed that the Taiwan question");
        await Expect(page.Locator("#text-cn-readout")).ToContainTextAsync("Translation into en by Test translator");
    }

    [Fact]
    public async Task an_accounts_page_lists_its_versions_and_shows_what_the_revision_removed()
    {
        await Given();
        var page = await app.NewPage();
        await page.GotoAsync($"{app.BaseUrl}/calls/{Call}/accounts/us-readout");
        await Expect(page.Locator("#versions ~ .table-wrap tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#versions ~ .table-wrap")).ToContainTextAsync("The White House removed the sentence on Taiwan.");
        await Expect(page.Locator(".diff del")).ToContainTextAsync("Taiwan question");
        await Expect(page.Locator(".diff ins")).ToHaveCountAsync(0);
        await app.Screenshot(page, "account-revised");
        await page.ClickAsync("#versions ~ .table-wrap a:text-is('1')");
        await Expect(page.Locator("#q-us-taiwan")).ToBeVisibleAsync();   // version 1 still holds the words
    }

    [Fact]
    public async Task the_readouts_page_fits_a_phone()
    {
        await Given();
        var page = await app.NewPage(390, 844);
        foreach (var path in new[] { $"/calls/{Call}/readouts", $"/calls/{Call}/accounts/us-readout" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(1, path);
        }
    }
}
