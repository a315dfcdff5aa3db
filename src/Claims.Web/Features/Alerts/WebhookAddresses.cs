using Claims.Domain.Dossiers;
using System.Net;
using System.Net.Sockets;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// A webhook URL is a way into the network the tracker sits in: unless <see cref="WebhookSettings.AllowPrivateAddresses"/>,
/// a webhook reaches public addresses only. The name is checked when the subscription is made and again at every
/// connection (its addresses may change after the check), and redirects are never followed.
/// </summary>
public static class WebhookAddresses
{
    public const int MaxUrlLength = 2000;

    /// <summary>What is wrong with a webhook URL as written (null when nothing is); its addresses are checked by <see cref="CheckAsync"/>.</summary>
    public static string? Problem(string url, out Uri? uri)
    {
        uri = null;
        if (url.Length > MaxUrlLength) return $"is {url.Length} characters long; at most {MaxUrlLength} are allowed";
        if (url.Any(char.IsControl) || url.Any(char.IsWhiteSpace)) return "holds a control character or a space";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
            return $"\"{JsonFields.Clip(url)}\" is not an absolute http or https URL";
        if (parsed.UserInfo.Length > 0) return "holds a user name or password; put the credentials in the secret instead";
        if (parsed.Fragment.Length > 0) return "holds a fragment (#...), which is never sent";
        uri = parsed;
        return null;
    }

    /// <summary>Resolves the URL's host and says why its addresses may not be reached (null when they may).</summary>
    public static async Task<string?> CheckAsync(Uri uri, bool allowPrivate, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Resolve(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"the host \"{uri.IdnHost}\" does not resolve to an address";
        }
        if (allowPrivate) return null;
        var refused = addresses.Where(a => !IsPublic(a)).ToList();
        return refused.Count == 0 ? null
            : $"the host \"{uri.IdnHost}\" resolves to {string.Join(", ", refused)}, a loopback, private or link-local address that webhooks may not reach (Claims__Webhooks__AllowPrivateAddresses=true allows it)";
    }

    /// <summary>The handler for webhook requests: it connects only to addresses that pass the check, resolved at that moment, and follows no redirect.</summary>
    public static SocketsHttpHandler Handler(WebhookSettings settings) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = settings.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = (await Resolve(host, ct)).Where(a => settings.AllowPrivateAddresses || IsPublic(a)).ToArray();
            if (addresses.Length == 0)
                throw new WebhookRefusedException($"the host \"{host}\" resolves only to addresses that webhooks may not reach");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    };

    private static async Task<IPAddress[]> Resolve(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, shared, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224                // this network, private, loopback, multicast and reserved
                     || (b[0] == 100 && b[1] is >= 64 and <= 127)    // shared address space (carrier-grade NAT)
                     || (b[0] == 169 && b[1] == 254)                 // link-local (cloud metadata services live here)
                     || (b[0] == 172 && b[1] is >= 16 and <= 31)     // private
                     || (b[0] == 192 && b[1] == 168)                 // private
                     || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // protocol assignments, documentation
                     || (b[0] == 198 && b[1] is 18 or 19));          // benchmarking
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        var bytes = address.GetAddressBytes();
        // Only global unicast (2000::/3) is public; loopback, unique-local, link-local, multicast and the rest are not.
        if ((bytes[0] & 0xE0) != 0x20 || address.IsIPv6Teredo) return false;
        // 6to4 embeds an IPv4 address, which is judged as one.
        if (bytes[0] == 0x20 && bytes[1] == 0x02) return IsPublic(new IPAddress(bytes[2..6]));
        return !(bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8); // documentation
    }
}

/// <summary>A webhook's host resolved, at delivery, to an address that webhooks may not reach.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
