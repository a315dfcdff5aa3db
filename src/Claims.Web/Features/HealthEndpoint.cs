using Marten;
using Wolverine.Http;

namespace Claims.Web.Features;

public static class HealthEndpoint
{
    /// <summary>GET /health: 200 once the database answers, 503 while it does not.</summary>
    [WolverineGet("/health")]
    public static async Task<IResult> Get(IDocumentStore store, CancellationToken ct)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", ct);
            return Results.Ok(new { status = "healthy" });
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return Results.Json(new { status = "unhealthy", detail = "The database does not answer." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
