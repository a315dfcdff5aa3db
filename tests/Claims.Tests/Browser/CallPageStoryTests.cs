using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Tests.Browser;

/// <summary>
/// The call page read as a journalist on deadline reads it, and used as a keyboard, screen-reader, phone or printer
/// user uses it: the story at a glance, the columns by standing, the banners, the quotes' kinds, and what the tools
/// that audit pages do not check.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CallPageStoryTests(BrowserFixture app)
{
    private const string Sample = "/calls/2025-11-24-xi-trump-call";
    private const string Takaichi = "/calls/2025-11-24-trump-takaichi-call";

    [Fact]
    public async Task the_story_leads_the_page()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        await Expect(page.Locator(".findings li").First).ToHaveTextAsync(
            "taiwan: omitted by the US readouts · corroborated by the CN readouts and US Treasury Secretary Bessent (interview, next day)");
        await Expect(page.Locator("tbody tr").First).ToHaveAttributeAsync("data-topic", "taiwan");
        await Expect(page.Locator("#topic-taiwan .finding-lines li").First).ToHaveTextAsync("omitted by the US readouts (Donald Trump and The White House)");
    }

    [Fact]
    public async Task columns_are_grouped_by_standing_with_sources_by_name_and_readouts_marked()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        (await page.Locator("th.group").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["CN · party", "US · party", "Independent"]);
        var white = page.Locator("th.source[data-source='white-house']");
        await Expect(white.Locator("a")).ToHaveTextAsync("The White House");
        await Expect(white).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-readout"));
        await Expect(white.Locator(".kinds")).ToHaveTextAsync("readout");
        await Expect(page.Locator("th.source[data-source='bessent'] .kinds")).ToHaveTextAsync("interview");
        await Expect(page.Locator("th.source[data-source='bessent']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-readout"));
    }

    [Fact]
    public async Task a_party_side_without_a_readout_gets_a_banner_and_the_calls_link_both_ways()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        await Expect(page.Locator(".banner.noreadout")).ToHaveCountAsync(0);
        await page.Locator("nav.related a").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + Takaichi);
        await Expect(page.Locator(".banner.noreadout[data-side='US']")).ToContainTextAsync("No readout from US");
        await Expect(page.Locator("nav.related")).ToContainTextAsync("Follows: Xi Jinping and Donald Trump phone call");
        await app.Screenshot(page, "call-no-readout");
    }

    [Fact]
    public async Task imprecise_times_say_about_and_quote_boxes_say_what_they_hold()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample + "#topic-taiwan");
        await Expect(page.Locator(".timeline-list li").Filter(new() { HasText = "The White House" })).ToContainTextAsync("about 24 November 2025");
        var claim = page.Locator("#claim-cn-mfa-trump-understands-taiwan");
        await Expect(claim.Locator(".quote figcaption").First).ToHaveTextAsync("Bloomberg (Japanese edition)'s translation, not the original words");
        await Expect(claim.Locator(".quote figcaption").Nth(1)).ToHaveTextAsync("Translation by Claims editors");
        await Expect(claim.Locator("blockquote.translation")).ToBeVisibleAsync();
        await Expect(claim.Locator(".statement")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[“\u0022「]"));
        // Bloomberg's words stand in its article's excerpt, which the claim links to.
        var postwar = page.Locator("#claim-cn-state-media-taiwan-postwar-order");
        await Expect(postwar.Locator(".quote figcaption").First).ToHaveTextAsync("Bloomberg (Japanese edition)'s translation, not the original words");
        await postwar.Locator("a", new() { HasText = "Where these words stand in the relaying article" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts/bloomberg-ja-trump-talks-to-xi-then-takaichi#q-cn-state-media-taiwan-postwar-order$"));
        await Expect(page.Locator("#q-cn-state-media-taiwan-postwar-order mark")).ToHaveTextAsync("中国への台湾復帰は第2次世界大戦後の国際秩序の重要な部分");
        await app.Screenshot(page, "account-bloomberg-excerpt");
    }

    [Fact]
    public async Task related_claims_link_to_each_other()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample + "#topic-taiwan");
        var link = page.Locator("#claim-bessent-taiwan-position-unchanged .relations a");
        await Expect(link).ToContainTextAsync("Ministry of Foreign Affairs");
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#claim-cn-mfa-trump-understands-taiwan$"));
        await Expect(page.Locator("#claim-cn-mfa-trump-understands-taiwan .relations")).ToContainTextAsync("Clarified by");
    }

    [Fact]
    public async Task the_matrix_costs_few_tab_stops_and_can_be_skipped()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        var topics = await page.Locator("tbody tr").CountAsync();
        var sources = await page.Locator("th.source").CountAsync();
        var stops = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('table.matrix a, table.matrix button, table.matrix [tabindex]')].filter(e => e.tabIndex >= 0).length");
        stops.ShouldBe(topics + sources);   // a link per topic and per source; the cells are text

        await page.Locator(".skip-table").FocusAsync();
        await Expect(page.Locator(".skip-table")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => !document.activeElement.closest('table.matrix')")).ShouldBeTrue();
    }

    [Fact]
    public async Task the_slider_moves_through_time_with_the_keyboard_without_losing_focus()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        var slider = page.Locator("#asof-slider");
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("publishedAsOf="));
        await Expect(page.Locator("tr[data-topic='taiwan'] .badge")).ToHaveCountAsync(1);
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("asof-slider");
        await Expect(slider).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex("^Published by about 24 November 2025"));

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("tr[data-topic='taiwan'] .badge")).ToHaveCountAsync(2);   // Bessent has spoken
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("asof-slider");
        await Expect(slider).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex("Bessent"));
    }

    [Fact]
    public async Task the_focus_ring_and_form_borders_meet_three_to_one()
    {
        var page = await app.NewPage();
        await page.GotoAsync(app.BaseUrl + Sample);
        await page.Locator("nav a").First.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineColor");
        Contrast(ring).ShouldBeGreaterThanOrEqualTo(3.0, ring);
        var border = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#publishedAsOf')).borderTopColor");
        Contrast(border).ShouldBeGreaterThanOrEqualTo(3.0, border);
    }

    [Fact]
    public async Task on_a_phone_the_topic_column_sticks_and_four_sources_show()
    {
        var page = await app.NewPage(375, 812);
        await page.GotoAsync(app.BaseUrl + Sample);
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('tbody th.topic-col')).position")).ShouldBe("sticky");
        var visible = await page.EvaluateAsync<int>("""
            () => { const wrap = document.querySelector('.table-wrap').getBoundingClientRect();
                    return [...document.querySelectorAll('th.source')].filter(th => th.getBoundingClientRect().right <= wrap.right + 1).length; }
            """);
        visible.ShouldBeGreaterThanOrEqualTo(4);
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.timeline-list li, .timeline-list li *')].map(e => parseFloat(getComputedStyle(e).fontSize)))");
        smallest.ShouldBeGreaterThanOrEqualTo(12);

        // Scrolled sideways, the topic stays in view.
        await page.EvaluateAsync("() => document.querySelector('.table-wrap').scrollLeft = 400");
        var left = await page.EvaluateAsync<double>("() => document.querySelector('tbody th.topic-col').getBoundingClientRect().left - document.querySelector('.table-wrap').getBoundingClientRect().left");
        left.ShouldBeInRange(-1, 2);
        await app.Screenshot(page, "call-phone");
    }

    [Fact]
    public async Task the_header_row_sticks_while_the_matrix_scrolls()
    {
        var page = await app.NewPage(1280, 700);
        await page.GotoAsync(app.BaseUrl + Sample);
        await page.EvaluateAsync("() => document.querySelector('.table-wrap').scrollTop = 300");
        var offset = await page.EvaluateAsync<double>(
            "() => document.querySelector('table.matrix thead').getBoundingClientRect().top - document.querySelector('.table-wrap').getBoundingClientRect().top");
        offset.ShouldBeInRange(-1, 2);
    }

    [Fact]
    public async Task printing_leaves_out_the_navigation_and_keeps_every_column()
    {
        var page = await app.NewPage(1100, 800);
        await page.GotoAsync(app.BaseUrl + Sample);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).display")).ShouldBe("none");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('form.asof')).display")).ShouldBe("none");
        var clipped = await page.EvaluateAsync<double>(
            "() => document.querySelector('th.source:last-of-type').getBoundingClientRect().right - document.documentElement.clientWidth");
        clipped.ShouldBeLessThanOrEqualTo(0);
        var pdf = await page.PdfAsync(new PagePdfOptions { Landscape = true });
        pdf.Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task discrepancy_cards_show_the_differing_values()
    {
        var dossier = Dossiers.Minimal("browser-divergent", "bd-cn", "bd-us");
        dossier["claims"]![0]!["facet"] = new System.Text.Json.Nodes.JsonObject { ["key"] = "duration-minutes", ["value"] = "90" };
        dossier["claims"]![0]!["topic"] = "trade";
        using (var client = new HttpClient())
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", BrowserFixture.EditorKey);
            (await client.PostAsync(app.BaseUrl + "/api/dossiers",
                new StringContent(dossier.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }
        var page = await app.NewPage();
        for (var i = 0; i < 60; i++)
        {
            await page.GotoAsync(app.BaseUrl + "/discrepancies?verdict=divergent&topic=trade");
            if (await page.Locator("#results .card").CountAsync() > 0) break;
            await Task.Delay(500);
        }
        var card = page.Locator("#results .card").Filter(new() { HasText = "A test call" }).First;
        await Expect(card.Locator(".facet-values")).ToContainTextAsync("duration-minutes: 90 (Chinese foreign ministry) · 60 (The White House)");
        await Expect(card.Locator(".badge").First).ToHaveTextAsync("divergent on duration-minutes");
    }

    /// <summary>WCAG contrast of a CSS colour against white.</summary>
    private static double Contrast(string css)
    {
        var parts = css[(css.IndexOf('(') + 1)..css.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        double Channel(double c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4); }
        var l = 0.2126 * Channel(parts[0]) + 0.7152 * Channel(parts[1]) + 0.0722 * Channel(parts[2]);
        return 1.05 / (l + 0.05);
    }
}
