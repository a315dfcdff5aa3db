using System.Globalization;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// How webhooks are delivered: <c>Claims:Webhooks:AllowPrivateAddresses</c> (false: only public addresses),
/// <c>Claims:Webhooks:RetrySeconds</c> (the waits between attempts; after the last, the delivery is a dead letter)
/// and <c>Claims:Webhooks:TimeoutSeconds</c> (how long one attempt may take).
/// </summary>
public sealed record WebhookSettings(bool AllowPrivateAddresses, IReadOnlyList<TimeSpan> Retries, TimeSpan Timeout)
{
    /// <summary>Nine retries over about two hours: a receiver down for a deploy or an outage of an hour misses nothing.</summary>
    public static readonly double[] DefaultRetrySeconds = [2, 10, 30, 60, 120, 300, 600, 1800, 3600];
    public const double DefaultTimeoutSeconds = 10;

    /// <summary>The settings, or the sentence that says which one is wrong.</summary>
    public static (WebhookSettings? Settings, string? Problem) Read(IConfiguration config)
    {
        var section = config.GetSection("Claims:Webhooks");
        var allow = section["AllowPrivateAddresses"];
        if (allow is { Length: > 0 } && !bool.TryParse(allow, out _))
            return (null, $"Claims__Webhooks__AllowPrivateAddresses is \"{Shown(allow)}\"; it must be true or false.");

        var retries = DefaultRetrySeconds;
        if (section["RetrySeconds"] is { Length: > 0 } list)
        {
            var parts = list.Split(',', StringSplitOptions.TrimEntries);
            var parsed = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0.05 and <= 86_400 ? s : -1).ToArray();
            if (parts.Length > 20 || parsed.Any(s => s < 0))
                return (null, $"Claims__Webhooks__RetrySeconds is \"{Shown(list)}\"; it must be up to 20 waits in seconds separated by commas, each from 0.05 to 86400 (such as 2,10,30).");
            retries = parsed;
        }

        var timeout = DefaultTimeoutSeconds;
        if (section["TimeoutSeconds"] is { Length: > 0 } t
            && !(double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out timeout) && timeout is >= 0.1 and <= 300))
            return (null, $"Claims__Webhooks__TimeoutSeconds is \"{Shown(t)}\"; it must be a number of seconds from 0.1 to 300.");

        return (new WebhookSettings(allow is { Length: > 0 } && bool.Parse(allow), retries.Select(TimeSpan.FromSeconds).ToList(),
            TimeSpan.FromSeconds(timeout)), null);
    }

    private static string Shown(string value) => value.ReplaceLineEndings("\\n");
}
