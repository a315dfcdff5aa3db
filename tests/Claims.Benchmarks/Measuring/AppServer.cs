using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Claims.Benchmarks.Steps;

namespace Claims.Benchmarks.Measuring;

/// <summary>The tracker serving on a free loopback port as the only node (Claims__Nodes=solo), so it runs the async index.</summary>
public sealed class AppServer : IDisposable
{
    private readonly ProgramProcess _process;

    public string BaseUrl { get; }
    public HttpClient Http { get; }
    /// <summary>Milliseconds from starting the process to the first 200 from /health.</summary>
    public double ColdStartMs { get; private set; }

    private AppServer(ProgramProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10),
        };
    }

    public static async Task<AppServer> Start(BenchSettings settings, string schema, string logName)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var process = ProgramProcess.Start(settings, schema, Path.Combine(settings.WorkFolder, logName), "--urls", baseUrl);
        var server = new AppServer(process, baseUrl);
        try
        {
            await server.WaitUntilHealthy();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    private async Task WaitUntilHealthy()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited) throw new BenchFailure($"the program exited with {_process.ExitCode} before it was healthy:\n{_process.Tail()}");
            try
            {
                if ((await probe.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    ColdStartMs = _process.Clock.Elapsed.TotalMilliseconds;
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(25);
        }
        throw new BenchFailure($"the program was not healthy within 3 minutes:\n{_process.Tail()}");
    }

    public HttpRequestMessage Write(HttpMethod method, string path, string json)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchSettings.EditorKey);
        request.Headers.Add("X-Editor", "bench");
        return request;
    }

    public double PeakMemoryMb => _process.PeakMemoryMb;

    /// <summary>The tracker's CPU time so far, and PostgreSQL's on this machine.</summary>
    public CpuTime Cpu() => CpuTime.Of(_process.Id);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }
}
