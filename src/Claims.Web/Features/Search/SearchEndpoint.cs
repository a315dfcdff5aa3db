using Claims.Domain.Search;
using Claims.Web.Features.Discrepancies;
using Marten;
using Wolverine.Http;

namespace Claims.Web.Features.Search;

public static class SearchEndpoint
{
    /// <summary>
    /// GET /api/search?q=…[&amp;topic=&amp;verdict=&amp;source=&amp;side=&amp;from=&amp;to=&amp;in=claims|texts&amp;page=&amp;pageSize=]:
    /// the topics whose claims hold the words (or that the words name) and the account texts that hold them, newest
    /// call first, each with the claims that matched, where, and a snippet.
    /// </summary>
    [WolverineGet("/api/search")]
    public static async Task<IResult> Search(
        string? q, string? topic, string[]? verdict, string? source, string? side, string? from, string? to,
        string? page, string? pageSize, HttpRequest request, IQuerySession session, DiscrepancyCountLimit countLimit, IndexCounts counts, CancellationToken ct)
    {
        // "in" is read from the query by hand: as a parameter name it is a C# keyword, which Wolverine's generated code cannot declare.
        var within = request.Query["in"].FirstOrDefault();
        var (query, problems) = SearchQuery.Parse(q, topic, verdict, source, side, from, to, within, page, pageSize);
        if (query is null) return Problems.Invalid(problems, "The search is not valid.");
        var results = await query.RunAsync(session, countLimit.For(text: true), counts, ct);
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
        return e.Kind == SearchEntry.TopicKind
            ? new
            {
                kind = "topic",
                callId = e.CallId,
                callTitle = e.CallTitle,
                callDate = e.CallDate,
                topic = e.Topic,
                verdict = e.Verdict,
                findings = e.FindingKinds,
                url = $"/calls/{e.CallId}#topic-{e.Topic}",
                claimsMatched = hit.ClaimsMatched,
                claims = hit.Claims.Select(m => new
                {
                    id = m.Claim.Id, account = m.Claim.Account, accountKind = m.Claim.AccountKind, source = m.Claim.Source,
                    sourceName = m.Claim.SourceName, side = m.Claim.Side, publishedAt = m.Claim.PublishedAt, timePrecision = m.Claim.TimePrecision,
                    stance = m.Claim.Stance, statement = m.Claim.Statement, speaker = m.Claim.Speaker, quote = m.Claim.Quote,
                    matchedIn = m.MatchedIn, snippet = m.Snippet, url = $"/calls/{e.CallId}#claim-{m.Claim.Id}"
                })
            }
            : (object)new
            {
                kind = "text",
                callId = e.CallId,
                callTitle = e.CallTitle,
                callDate = e.CallDate,
                accountId = e.AccountId,
                accountKind = e.AccountKindName,
                accountTitle = e.AccountTitle,
                source = e.SourceIds[0],
                sourceName = e.SourceName,
                side = e.Sides[0],
                publishedAt = e.PublishedAt,
                timePrecision = e.TimePrecision,
                textVersion = e.TextVersion,
                excerpt = e.Excerpt,
                findings = e.FindingKinds,
                matchedIn = hit.MatchedIn,
                snippet = hit.Snippet,
                url = $"/calls/{e.CallId}/accounts/{e.AccountId}"
            };
    }
}
