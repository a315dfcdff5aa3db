using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Claims.Web.Security;

/// <summary>
/// A tracker behind a reverse proxy learns the client's address and scheme from X-Forwarded-For and
/// X-Forwarded-Proto, so the editors' cookie is marked Secure when the browser came over HTTPS and the key-guess
/// limit counts the real client. Only proxies on loopback are believed by default; <c>Claims:TrustedProxies</c>
/// adds others (addresses or networks, comma-separated: <c>10.0.0.5, 172.16.0.0/12</c>).
/// </summary>
public static class Proxies
{
    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration config) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in Entries(config))
            {
                if (entry.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });

    /// <summary>What is wrong with <c>Claims:TrustedProxies</c>, or null.</summary>
    public static string? Problem(IConfiguration config) =>
        Entries(config).FirstOrDefault(e => e.Contains('/') ? !System.Net.IPNetwork.TryParse(e, out _) : !IPAddress.TryParse(e, out _))
            is { } bad ? $"Claims__TrustedProxies holds \"{bad}\", which is neither an IP address nor a network (10.0.0.0/8)." : null;

    private static IEnumerable<string> Entries(IConfiguration config) =>
        (config["Claims:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
