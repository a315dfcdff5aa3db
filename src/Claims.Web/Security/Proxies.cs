using System.Net;
using Claims.Web.Settings;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Claims.Web.Security;

/// <summary>
/// A tracker behind a reverse proxy learns the client's address and scheme from X-Forwarded-For and
/// X-Forwarded-Proto, so the editors' cookie is marked Secure when the browser came over HTTPS and the key-guess
/// limit counts the real client. Only proxies on loopback are believed by default; <c>Claims__TrustedProxies</c>
/// adds others (addresses or networks, comma-separated: <c>10.0.0.5, 172.16.0.0/12</c>).
/// </summary>
public static class Proxies
{
    public static void AddTrustedProxies(this IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ClaimsSettings>>((o, settings) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Each entry was checked at start (ClaimsSettingsValidator).
            foreach (var entry in settings.Value.TrustedProxyEntries)
            {
                if (entry.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
}
