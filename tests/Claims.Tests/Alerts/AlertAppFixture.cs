namespace Claims.Tests.Alerts;

/// <summary>The program as the webhook tests need it: a loopback receiver allowed, and retries seconds apart instead of hours.</summary>
public sealed class AlertAppFixture : AppFixture
{
    /// <summary>Five attempts over about eight seconds after the first; then a dead letter.</summary>
    public static readonly double[] RetrySeconds = [0.5, 1, 1.5, 2, 3];

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Claims:Webhooks:AllowPrivateAddresses"] = "true",
        ["Claims:Webhooks:RetrySeconds"] = string.Join(",", RetrySeconds.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ["Claims:Webhooks:TimeoutSeconds"] = "2"
    };
}
