using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Claims.Domain.Alerts;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Discrepancies;
using Claims.Web.Settings;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// The alerts, public like the discrepancies they report: the newest as JSON (<c>/api/alerts</c>) and as an Atom feed
/// (<c>/discrepancies.atom</c>), both taking the discrepancy API's filters; one alert by its id.
/// </summary>
public static class AlertEndpoints
{
    public const int FeedSize = 50;

    [WolverineGet("/api/alerts")]
    public static async Task<IResult> List(
        string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? q, IQuerySession session, CancellationToken ct)
    {
        var (query, problems) = DiscrepancyQuery.Parse(topic, verdict, source, side, from, to, q, null, null);
        return query is null ? Problems.Invalid(problems, "The filters are not valid.") : Results.Ok(await query.NewestAsync(session, FeedSize, ct));
    }

    [WolverineGet("/api/alerts/{*id}")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DiscrepancyAlert>(id, ct) is { } alert ? Results.Ok(alert)
            : Problems.NotFound($"There is no alert \"{JsonFields.Clip(id)}\".");

    /// <summary>The newest alerts as Atom 1.0, newest first: each entry links to the topic on the call's page.</summary>
    [WolverineGet("/discrepancies.atom")]
    public static async Task<IResult> Feed(
        string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? q,
        HttpRequest request, IQuerySession session, IOptions<ClaimsSettings> settings, CancellationToken ct)
    {
        var (query, problems) = DiscrepancyQuery.Parse(topic, verdict, source, side, from, to, q, null, null);
        if (query is null) return Problems.Invalid(problems, "The filters are not valid.");
        var alerts = await query.NewestAsync(session, FeedSize, ct);
        var site = PublicUrl.Of(settings.Value, request);
        var self = $"{site}{request.Path}{request.QueryString}";

        var feed = new SyndicationFeed(
            "Claims: discrepancies as they appear", "Discrepancy findings that appeared or disappeared as readouts were recorded.",
            new Uri($"{site}/discrepancies{request.QueryString}"), self, alerts.FirstOrDefault()?.At ?? DateTimeOffset.UnixEpoch)
        {
            Items = alerts.Select(a => Entry(a, site)).ToList()
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Claims" });
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", null, "application/atom+xml", 0));

        var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static SyndicationItem Entry(DiscrepancyAlert a, string site)
    {
        var topicPage = new Uri($"{site}/calls/{Uri.EscapeDataString(a.CallId)}#topic-{a.Topic}");
        var item = new SyndicationItem(
            $"{a.Topic} {a.Change}: {a.Description}",
            $"{a.CallTitle} ({a.CallDate:yyyy-MM-dd}): {a.Topic} {a.Description}; " + (a.Change == DiscrepancyAlert.Appeared
                ? "this finding appeared"
                : "this finding no longer holds") + $" after a change recorded {a.At:yyyy-MM-dd HH:mm} UTC" + (a.By is null ? "." : $" by {a.By}."),
            topicPage, $"{site}/api/alerts/{a.Id}", a.At)
        {
            PublishDate = a.At
        };
        item.Authors.Add(new SyndicationPerson { Name = a.By ?? "Claims" });
        item.Categories.Add(new SyndicationCategory(a.Topic));
        item.Categories.Add(new SyndicationCategory(a.Kind));
        return item;
    }
}
