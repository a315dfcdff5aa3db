using Claims.Domain.Search;
using Claims.Web.Features.Discrepancies;
using Marten;
using Wolverine.Http;

namespace Claims.Web.Features.Search;

public static class SearchEndpoint
{
    /// <summary>
    /// GET /api/search?q=…[&amp;topic=&amp;verdict=&amp;source=&amp;side=&amp;from=&amp;to=&amp;kind=&amp;page=&amp;pageSize=]: every
    /// claim and account text holding the words (or filed under a topic they name), newest call first, each with
    /// where it matched and a snippet.
    /// </summary>
    [WolverineGet("/api/search")]
    public static async Task<IResult> Search(
        string? q, string? topic, string[]? verdict, string? source, string? side, string? from, string? to, string? kind,
        string? page, string? pageSize, IQuerySession session, DiscrepancyCountLimit countLimit, CancellationToken ct)
    {
        var (query, problems) = SearchQuery.Parse(q, topic, verdict, source, side, from, to, kind, page, pageSize);
        if (query is null) return Problems.Invalid(problems, "The search is not valid.");
        var results = await query.RunAsync(session, countLimit.Value, ct);
        return Results.Ok(new
        {
            q = query.Text,
            topicsNamed = results.NamedTopics,
            page = results.Page,
            pageSize = results.PageSize,
            total = results.Total,
            totalExact = results.TotalExact,
            items = results.Items.Select(Item)
        });
    }

    private static object Item(SearchHit hit)
    {
        var e = hit.Entry;
        return new
        {
            kind = e.Kind,
            callId = e.CallId,
            callTitle = e.CallTitle,
            callDate = e.CallDate,
            claimId = e.ClaimId,
            accountId = e.AccountId,
            accountKind = e.AccountKindName,
            accountTitle = e.AccountTitle,
            publishedAt = e.PublishedAt,
            timePrecision = e.TimePrecision,
            source = e.Source,
            sourceName = e.SourceName,
            side = e.Side,
            topics = e.Topics,
            verdict = e.Verdict,
            findings = e.FindingKinds,
            stance = e.Stance,
            statement = e.Statement,
            speaker = e.Speaker,
            quote = e.Quote,
            textVersion = e.TextVersion,
            matchedIn = hit.MatchedIn,
            snippet = hit.Snippet,
            url = e.ClaimId is { } claim ? $"/calls/{e.CallId}#claim-{claim}" : $"/calls/{e.CallId}/accounts/{e.AccountId}"
        };
    }
}
