using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Claims.Domain;
using Claims.Domain.Alerts;
using Marten;

namespace Claims.Tests.Alerts;

/// <summary>The alerts as Atom (/discrepancies.atom) and JSON (/api/alerts), with the discrepancy API's filters.</summary>
public class AlertFeedTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> Feed(string query)
    {
        var response = await app.Client(editor: false).GetAsync($"/discrepancies.atom{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var xml = await response.Content.ReadAsStringAsync();
        using (var reader = XmlReader.Create(new StringReader(xml)))
            SyndicationFeed.Load(reader).ShouldNotBeNull();
        var feed = XDocument.Parse(xml);
        AtomRules(feed);
        return feed;
    }

    /// <summary>What RFC 4287 requires of a feed and its entries (section 4.1): one id (an absolute IRI), title and updated (RFC 3339) each; an author on the feed or on every entry; an alternate link for entries without content.</summary>
    private static void AtomRules(XDocument feed)
    {
        var root = feed.Root!;
        root.Name.ShouldBe(Atom + "feed");
        void OneOfEach(XElement e)
        {
            foreach (var name in new[] { "id", "title", "updated" }) e.Elements(Atom + name).Count().ShouldBe(1, $"{e.Name.LocalName} has one {name}");
            Uri.IsWellFormedUriString(e.Element(Atom + "id")!.Value, UriKind.Absolute).ShouldBeTrue(e.Element(Atom + "id")!.Value);
            XmlConvert.ToDateTimeOffset(e.Element(Atom + "updated")!.Value).ShouldNotBe(default);
        }
        OneOfEach(root);
        root.Elements(Atom + "link").ShouldContain(l => (string?)l.Attribute("rel") == "self");
        var feedAuthor = root.Elements(Atom + "author").Any();
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            OneOfEach(entry);
            (feedAuthor || entry.Elements(Atom + "author").Any()).ShouldBeTrue();
            (entry.Element(Atom + "content") is not null || entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate")).ShouldBeTrue();
        }
        root.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ShouldBeUnique();
    }

    [Fact]
    public async Task the_feed_is_atom_newest_first_and_takes_the_discrepancy_filters()
    {
        await app.Import(Dossiers.Minimal("feed-call", "feed-cn", "feed-us").ToJsonString());
        await app.WaitForProjections();

        var taiwan = await Feed("?topic=taiwan&source=feed-us");
        var entry = taiwan.Root!.Elements(Atom + "entry").ShouldHaveSingleItem();
        entry.Element(Atom + "title")!.Value.ShouldBe("taiwan appeared: omitted by the US readout (The White House)");
        entry.Elements(Atom + "link").Single().Attribute("href")!.Value.ShouldEndWith("/calls/feed-call#topic-taiwan");
        entry.Element(Atom + "id")!.Value.ShouldEndWith("/api/alerts/feed-call/" + entry.Element(Atom + "id")!.Value.Split('/')[^4] + "/taiwan/omitted/US");

        // The same alert by its id, and in the JSON list.
        var id = entry.Element(Atom + "id")!.Value[(entry.Element(Atom + "id")!.Value.IndexOf("/api/alerts/", StringComparison.Ordinal))..];
        var alert = JsonDocument.Parse(await app.Client(editor: false).GetStringAsync(id)).RootElement;
        alert.GetProperty("change").GetString().ShouldBe("appeared");
        JsonDocument.Parse(await app.Client(editor: false).GetStringAsync("/api/alerts?verdict=omitted&q=mainly%20about%20trade")).RootElement
            .EnumerateArray().Select(a => (a.GetProperty("callId").GetString(), a.GetProperty("topic").GetString())).ShouldContain(("feed-call", "trade"));
        (await Feed("?topic=taiwan&side=JP")).Root!.Elements(Atom + "entry").ShouldBeEmpty();
        (await Feed("?q=%E5%8F%B0%E6%B9%BE&source=feed-us")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)
            .ShouldBe(["taiwan appeared: omitted by the US readout (The White House)"], "台湾 names the topic taiwan");

        // Newest first: a retraction later, its alert leads.
        (await app.Client().PostAsync("/api/claims/feed-call/cn-taiwan/retraction",
            new StringContent("{\"reason\":\"Misread.\"}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await app.WaitForProjections();
        (await Feed("?topic=taiwan&source=feed-us")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value.Split(':')[0])
            .ShouldBe(["taiwan disappeared", "taiwan appeared"]);
    }

    [Theory]
    [InlineData("?verdict=corroborated", "$.query.verdict")]
    [InlineData("?from=2025-02-30", "$.query.from")]
    [InlineData("?topic=%00", "$.query.topic")]
    public async Task bad_filters_are_400_by_their_parameter(string query, string path)
    {
        foreach (var route in new[] { "/discrepancies.atom", "/api/alerts" })
        {
            var response = await app.Client(editor: false).GetAsync(route + query);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(path, out _).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task a_rebuild_replays_the_findings_without_raising_their_alerts_again()
    {
        await app.Import(Dossiers.Minimal("feed-rebuild", "rebuild-cn", "rebuild-us").ToJsonString());
        await app.WaitForProjections();
        async Task<int> Alerts()
        {
            await using var session = app.Store.QuerySession();
            return await session.Query<DiscrepancyAlert>().CountAsync();
        }
        var before = await Alerts();
        before.ShouldBeGreaterThan(0);
        using var daemon = await ((DocumentStore)app.Store).BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ClaimsStore.DiscrepancyIndex, CancellationToken.None);
        (await Alerts()).ShouldBe(before);
    }
}
