using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Claims.Tests.Support;

/// <summary>One webhook request as a receiver got it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string AlertId => Json.GetProperty("data").GetProperty("id").GetString()!;
}

/// <summary>
/// A real HTTP server on a loopback port that records every webhook posted to it. <see cref="StopAsync"/> takes it
/// down (connections are refused, as when a receiver is down) and <see cref="StartAsync"/> brings it back on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/hooks/claims";

    public static async Task<WebhookReceiver> StartedAsync(int port = 0)
    {
        var receiver = new WebhookReceiver { Port = port };
        await receiver.StartAsync();
        return receiver;
    }


    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost("/hooks/claims", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            Received.Enqueue(new ReceivedWebhook(request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), await reader.ReadToEndAsync()));
            return Results.NoContent();
        });
        await _app.StartAsync();
        Port = new Uri(_app.Urls.First()).Port;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what was received, or the time is up.</summary>
    public async Task<bool> WaitFor(Func<IReadOnlyCollection<ReceivedWebhook>, bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (done(Received.ToArray())) return true;
            await Task.Delay(100);
        }
        return done(Received.ToArray());
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
