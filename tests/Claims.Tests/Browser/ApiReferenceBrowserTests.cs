using static Microsoft.Playwright.Assertions;

namespace Claims.Tests.Browser;

/// <summary>The API reference (Scalar over the OpenAPI document) renders in Chromium, with nothing fetched from elsewhere.</summary>
[Collection(BrowserCollection.Name)]
public class ApiReferenceBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task the_footer_leads_to_a_reference_that_renders_every_route()
    {
        var page = await app.NewPage();
        var elsewhere = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(r.Url); };
        await page.GotoAsync(app.BaseUrl + "/");
        await page.ClickAsync("footer a:text('API')");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/api-reference/?$"));
        await Expect(page.GetByText("Download OpenAPI Document").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await app.Screenshot(page, "api-reference");
        foreach (var group in new[] { "Calls", "Accounts", "Claims", "Discrepancies", "Search", "Sources", "Alerts", "Webhooks", "Dossiers" })
            await Expect(page.GetByText(group, new() { Exact = true }).First).ToBeAttachedAsync();
        elsewhere.ShouldBeEmpty();
    }
}
