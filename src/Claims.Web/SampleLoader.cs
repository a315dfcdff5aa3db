using System.Reflection;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;
using Marten;
using Wolverine;

namespace Claims.Web;

/// <summary>Loads the sample call (docs/samples) into a new, empty database when the tracker starts serving.</summary>
public sealed class SampleLoader(IDocumentStore store, IServiceScopeFactory scopes, IConfiguration config, ILogger<SampleLoader> log) : IHostedService
{
    public const string SampleCallId = "2025-11-24-xi-trump-call";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!config.GetValue("Claims:LoadSample", true)) return;
        await using var session = store.QuerySession();
        if (await session.Events.QueryAllRawEvents().AnyAsync(ct)) return;

        var reading = DossierReader.Read(ReadSample());
        if (!reading.IsValid) throw new InvalidOperationException("The shipped sample dossier is invalid: " + string.Join("; ", reading.Problems));
        using var scope = scopes.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var outcome = await bus.InvokeAsync<ImportOutcome>(new ImportDossier(reading.Dossier!, "claims-sample", "sample"), ct);
        log.LogInformation("Loaded the sample call {CallId} into the new database: {Appended} events", outcome.CallId, outcome.Appended);
    }

    public static string ReadSample()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"samples/{SampleCallId}.json")
            ?? throw new InvalidOperationException("The sample dossier is not embedded in the program.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
