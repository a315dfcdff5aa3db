using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Tests.Browser;

/// <summary>The editors' webhooks page: add one, see a delivery that failed every attempt, send it again, end it.</summary>
[Collection(EmptyBrowserCollection.Name)]
public class WebhooksBrowserTests(EmptyBrowserFixture app)
{
    [Fact]
    public async Task an_editor_adds_webhooks_sees_a_dead_letter_sends_it_again_and_ends_one()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        var downPort = LoopbackPort.Free();
        var page = await app.SignedIn("Webhook Editor", "/webhooks");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Webhooks");

        // A refused address is said beside its field, and nothing is registered.
        await page.FillAsync("#NewSubscription_Url", "http://example.invalid/hook");
        await page.FillAsync("#NewSubscription_Secret", "a-secret-of-twenty-chars");
        await page.ClickAsync("#webhook-form button[type=submit]");
        await Expect(page.Locator("#webhook-problems")).ToContainTextAsync("does not resolve");

        async Task Add(string url, string topic, string description)
        {
            await page.FillAsync("#NewSubscription_Url", url);
            await page.FillAsync("#NewSubscription_Secret", "a-secret-of-twenty-chars");
            await page.FillAsync("#NewSubscription_Description", description);
            await page.FillAsync("#NewSubscription_Topic", topic);
            await page.CheckAsync("input[name='NewSubscription.Verdict'][value=omitted]");
            await page.ClickAsync("#webhook-form button[type=submit]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("was registered");
        }
        await Add(receiver.Url, "taiwan", "Taiwan desk");
        await Add($"http://127.0.0.1:{downPort}/hooks/claims", "trade", "Trade desk (down)");
        await Expect(page.Locator("#webhooks > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#webhooks")).ToContainTextAsync("topic taiwan, omitted");

        await app.Import(Dossiers.Minimal("webhooks-page", "wp-cn", "wp-us"));
        (await receiver.WaitFor(r => r.Count >= 1, TimeSpan.FromSeconds(30))).ShouldBeTrue("the Taiwan alert arrived");
        receiver.Received.ShouldHaveSingleItem().AlertId.ShouldContain("webhooks-page/");

        // The trade desk's receiver is down: after its two retries the delivery waits on the page.
        var trade = page.Locator("#webhooks > li", new() { HasText = "Trade desk" });
        for (var i = 0; i < 30 && await trade.Locator("text=failed every attempt").CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Expect(trade).ToContainTextAsync("1 delivery failed every attempt");
        await Expect(trade).ToContainTextAsync("Connection refused");
        await app.Screenshot(page, "webhooks");

        await using var back = await WebhookReceiver.StartedAsync(downPort);
        await trade.Locator("button", new() { HasText = "Send them again" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("being sent again");
        (await back.WaitFor(r => r.Count >= 1, TimeSpan.FromSeconds(30))).ShouldBeTrue("the replayed delivery arrived");
        back.Received.ShouldHaveSingleItem().Json.GetProperty("data").GetProperty("topic").GetString().ShouldBe("trade");

        await page.Locator("#webhooks > li", new() { HasText = "Trade desk" }).Locator("button", new() { HasText = "End this webhook" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("was ended");
        await Expect(page.Locator("#webhooks > li", new() { HasText = "Trade desk" })).ToContainTextAsync("ended by Webhook Editor");
    }
}
