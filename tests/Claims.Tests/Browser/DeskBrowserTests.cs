using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Tests.Browser;

/// <summary>A call recorded as it unfolds, through the pages alone.</summary>
[Collection(EmptyBrowserCollection.Name)]
public class DeskBrowserTests(EmptyBrowserFixture app)
{
    /// <summary>Loads the page afresh: going to the same address with another fragment would only scroll.</summary>
    private static async Task Open(IPage page, string url)
    {
        await page.GotoAsync("about:blank");
        await page.GotoAsync(url);
    }

    private static string? Text(JsonNode? node, string name) => node?[name]?.GetValue<string>();

    private static async Task Submit(IPage page, string form, string done)
    {
        await page.ClickAsync($"{form} button[type=submit]");
        await Expect(page.Locator(".notice")).ToContainTextAsync(done);
    }

    private static async Task Register(IPage page, string baseUrl, JsonNode source)
    {
        await page.GotoAsync(baseUrl + "/sources");
        await page.FillAsync("#NewSource_Id", Text(source, "id")!);
        await page.FillAsync("#NewSource_Name", Text(source, "name")!);
        await page.FillAsync("#NewSource_Side", Text(source, "side")!);
        await page.SelectOptionAsync("#NewSource_Kind", Text(source, "kind")!);
        await Submit(page, "#register-form", "was registered");
    }

    /// <summary>
    /// Sets a form's fields in one step (as an autofill would: 17 fields typed one by one cost a second per claim) and
    /// submits it as the editor's click does.
    /// </summary>
    private static async Task Fill(IPage page, Dictionary<string, object?> fields)
    {
        await page.EvaluateAsync("""
            fields => {
                for (const [id, value] of Object.entries(fields)) {
                    const field = document.getElementById(id);
                    if (!field) throw new Error('no field ' + id);
                    if (field.type === 'checkbox') field.checked = value === true; else field.value = value ?? '';
                    if (field.tagName === 'SELECT' && field.value !== (value ?? '')) throw new Error(id + ' has no option ' + value);
                }
            }
            """, fields);
    }

    // Each form is filled on the call's page as the last submission left it (a fresh load, after the redirect).
    private static async Task Publish(IPage page, JsonNode account)
    {
        await Fill(page, new()
        {
            ["NewAccount_Id"] = Text(account, "id"), ["NewAccount_Source"] = Text(account, "source"), ["NewAccount_Kind"] = Text(account, "kind"),
            ["NewAccount_PublishedAt"] = Text(account, "publishedAt"), ["NewAccount_TimePrecision"] = Text(account, "timePrecision") ?? "minute",
            ["NewAccount_Language"] = Text(account, "language"), ["NewAccount_Url"] = Text(account, "url"), ["NewAccount_Title"] = Text(account, "title"),
            ["NewAccount_Text"] = Text(account["text"], "original"), ["NewAccount_Excerpt"] = account["text"]?["excerpt"]?.GetValue<bool>() == true,
        });
        // The notice names the account: the previous submission's notice stays on screen until the new page loads.
        await Submit(page, "#publish-form", $"{Text(account, "id")} was published");
    }

    private static async Task Record(IPage page, JsonNode claim)
    {
        var quote = claim["quote"];
        var relation = claim["relations"]?[0];
        await Fill(page, new()
        {
            ["NewClaim_Id"] = Text(claim, "id"), ["NewClaim_Account"] = Text(claim, "account"), ["NewClaim_Topic"] = Text(claim, "topic"),
            ["NewClaim_Stance"] = Text(claim, "stance"), ["NewClaim_Statement"] = Text(claim, "statement"), ["NewClaim_Speaker"] = Text(claim, "speaker"),
            ["NewClaim_QuoteText"] = Text(quote, "text"), ["NewClaim_QuoteKind"] = Text(quote, "kind") ?? "verbatim",
            ["NewClaim_QuoteLanguage"] = Text(quote, "language"), ["NewClaim_QuoteTranslation"] = Text(quote, "translation"),
            ["NewClaim_QuoteTranslatedBy"] = Text(quote, "translatedBy"),
            ["NewClaim_FacetKey"] = Text(claim["facet"], "key"), ["NewClaim_FacetValue"] = Text(claim["facet"], "value"),
            ["NewClaim_RelayAccount"] = Text(claim["reportedVia"], "account"), ["NewClaim_RelayOutlet"] = Text(claim["reportedVia"], "outlet"),
            ["NewClaim_RelationClaim"] = Text(relation, "claim"), ["NewClaim_RelationKind"] = Text(relation, "relation") ?? "responds-to",
        });
        await Submit(page, "#record-form", $"{Text(claim, "id")} was recorded");
    }

    [Fact]
    public async Task two_editors_record_the_sample_from_nothing_through_the_pages_and_it_reconciles_like_the_dossier()
    {
        var sample = Views.SampleAs("desk-pages");
        var ana = await app.SignedIn("Ana");
        var ben = await app.SignedIn("Ben");

        // Ana opens the call while Ben registers the sources.
        var c = sample["call"]!;
        await ana.GotoAsync(app.BaseUrl + "/calls/new");
        await ana.FillAsync("#Call_Id", Text(c, "id")!);
        await ana.FillAsync("#Call_Title", Text(c, "title")!);
        await ana.SelectOptionAsync("#Call_Kind", Text(c, "kind")!);
        await ana.FillAsync("#Call_Date", Text(c, "date")!);
        await ana.FillAsync("#Call_Participants", string.Join("\n", c["participants"]!.AsArray().Select(p => $"{Text(p, "name")} | {Text(p, "side")}")));
        await ana.FillAsync("#Call_Related", string.Join("\n", c["related"]!.AsArray().Select(r => $"{Text(r, "call")} {Text(r, "relation")}")));
        await app.Screenshot(ana, "desk-new-call");
        await ana.ClickAsync("#call-form button[type=submit]");
        await Expect(ana.Locator("h1")).ToHaveTextAsync(Text(c, "title")!);
        foreach (var source in sample["sources"]!.AsArray()) await Register(ben, app.BaseUrl, source!);

        // Then both at once: each publishes every other account, then records every other claim.
        var call = app.BaseUrl + "/calls/desk-pages";
        var accounts = sample["accounts"]!.AsArray().ToList();
        var claims = sample["claims"]!.AsArray().ToList();
        async Task Work(IPage page, int half)
        {
            await Open(page, call + "#publish");
            foreach (var a in accounts.Where((_, i) => i % 2 == half)) await Publish(page, a!);
        }
        await Task.WhenAll(Work(ana, 0), Work(ben, 1));
        async Task Claims(IPage page, int half)
        {
            await Open(page, call + "#record");   // with every account, the other editor's too
            foreach (var claim in claims.Where((_, i) => i % 2 == half)) await Record(page, claim!);
        }
        await Task.WhenAll(Claims(ana, 0), Claims(ben, 1));
        await ana.GotoAsync(call);
        await app.Screenshot(ana, "desk-recorded-through-the-pages");

        // The same call as a dossier, with the sources the pages registered (stored already: unchanged).
        await app.Import(Views.SampleAs("desk-pages-file"));
        using var http = new HttpClient();
        var pages = Views.Neutral(await http.GetStringAsync(call.Replace("/calls/", "/api/calls/") + "/reconciliation"), "desk-pages");
        var file = Views.Neutral(await http.GetStringAsync(app.BaseUrl + "/api/calls/desk-pages-file/reconciliation"), "desk-pages-file");
        pages.ShouldBe(file);
        pages.ShouldContain("\"topic\":\"taiwan\"");
    }

    [Fact]
    public async Task an_editor_selects_a_passage_of_a_readout_and_records_a_claim_quoting_it()
    {
        var d = Dossiers.Minimal("desk-passage", "dp-cn", "dp-us");
        d["format"] = "claims-dossier/2";
        d["accounts"]![0]!["text"] = new JsonObject { ["original"] = "双方讨论了经贸问题。\n习近平强调，台湾问题是中美关系中最重要的问题。" };
        d["claims"] = new JsonArray();
        await app.Import(d);
        var page = await app.SignedIn("Passage Editor", "/calls/desk-passage/accounts/cn-readout");

        // The editor selects 经贸问题 in the text and takes it as the quote.
        await page.EvaluateAsync("""
            () => {
                const body = document.querySelector(".text-body");
                const node = document.createTreeWalker(body, NodeFilter.SHOW_TEXT).nextNode();
                const at = node.textContent.indexOf("经贸问题");
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + 4);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
            }
            """);
        await page.ClickAsync("[data-use-selection]");
        (await page.InputValueAsync("#NewClaim_QuoteText")).ShouldBe("经贸问题");
        await page.FillAsync("#NewClaim_QuoteTranslation", "economic and trade issues");
        await page.Locator("#NewClaim_QuoteTranslation").DispatchEventAsync("change");
        (await page.InputValueAsync("#NewClaim_Statement")).ShouldBe("economic and trade issues");   // the translation, nothing else
        await page.FillAsync("#NewClaim_Topic", "trade");
        await page.FillAsync("#NewClaim_Statement", "The Chinese readout says trade was discussed.");
        await app.Screenshot(page, "desk-claim-from-a-passage");
        await page.ClickAsync("#passage-form button[type=submit]");

        await Expect(page.Locator(".notice")).ToContainTextAsync("was recorded");
        await Expect(page.Locator("#q-cn-readout-trade")).ToContainTextAsync("经贸问题");

        // A passage that is not in the text is refused, with the nearest passage named.
        await page.FillAsync("#NewClaim_QuoteText", "经贸问提");
        await page.FillAsync("#NewClaim_Topic", "trade");
        await page.FillAsync("#NewClaim_Statement", "A typo.");
        await page.ClickAsync("#passage-form button[type=submit]");
        await Expect(page.Locator("#passage-problems")).ToContainTextAsync("quote");
    }
}
