using System.Security.Cryptography;
using System.Text;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// Signs a delivery as Standard Webhooks (standardwebhooks.com) does, so its libraries verify it: the headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> = <c>v1,</c> and the
/// Base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>. The key is the secret's UTF-8 bytes, or, for a secret
/// written <c>whsec_…</c>, the Base64 bytes after the prefix.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Key(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return $"v1,{Convert.ToBase64String(mac)}";
    }

    public static byte[] Key(string secret)
    {
        if (secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            var encoded = secret["whsec_".Length..];
            var buffer = new byte[encoded.Length];
            if (Convert.TryFromBase64String(encoded, buffer, out var written)) return buffer[..written];
        }
        return Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The delivery's id: the same for every attempt at one alert for one subscription, so a receiver can drop a repeat.</summary>
    public static string DeliveryId(string subscriptionId, string alertId) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId}\n{alertId}")))[..32];
}
