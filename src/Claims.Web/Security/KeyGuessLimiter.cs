using System.Net;
using System.Threading.RateLimiting;

namespace Claims.Web.Security;

/// <summary>
/// Limits wrong editor keys per client address, over the API and on the sign-in form alike: ten wrong keys, then
/// one more every six seconds. While a client is over the limit its keys are not even checked, and it is answered
/// 429 with Retry-After. Only failures count: editors with the right key are never slowed down.
/// </summary>
public sealed class KeyGuessLimiter : IDisposable
{
    public const int Burst = 10;
    /// <summary>Marks a request refused for being over the limit (its key was not even compared).</summary>
    public const string Refused = "claims:key-guesses-refused";
    public static readonly TimeSpan Replenishment = TimeSpan.FromSeconds(6);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst, TokensPerPeriod = 1, ReplenishmentPeriod = Replenishment, QueueLimit = 0, AutoReplenishment = true
        }));

    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whether this client has used up its wrong guesses for now.</summary>
    public bool Blocked(HttpContext context) => _limiter.GetStatistics(Client(context))?.CurrentAvailablePermits == 0;

    /// <summary>Counts one wrong key against the client.</summary>
    public void Failed(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Client(context));
    }

    /// <summary>Answers a client over the limit: 429, Retry-After in seconds.</summary>
    public static void TooMany(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(Replenishment.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _limiter.Dispose();
}
