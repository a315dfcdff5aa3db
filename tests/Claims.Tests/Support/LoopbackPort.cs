using System.Net;
using System.Net.Sockets;

namespace Claims.Tests.Support;

public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on (yet).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
