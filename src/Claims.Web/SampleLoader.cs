using System.Reflection;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Import;
using Claims.Web.Settings;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Claims.Web;

/// <summary>
/// Loads the sample calls (docs/samples) and the record of real calls (docs/record) into a new, empty database when
/// the tracker starts serving. Claims__LoadSample governs both; Claims__LoadRecord=false keeps the record out.
/// </summary>
public sealed class SampleLoader(IDocumentStore store, IServiceScopeFactory scopes, IOptions<ClaimsSettings> settings, ILogger<SampleLoader> log) : IHostedService
{
    public const string SampleCallId = "2025-11-24-xi-trump-call";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!settings.Value.LoadSample) return;
        await using var session = store.QuerySession();
        if (await session.Events.QueryAllRawEvents().AnyAsync(ct)) return;

        using var scope = scopes.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var (name, json) in ReadSamples())
        {
            var reading = DossierReader.Read(json);
            if (!reading.IsValid) throw new InvalidOperationException($"The shipped sample {name} is invalid: " + string.Join("; ", reading.Problems));
            var outcome = await bus.InvokeAsync<ImportOutcome>(ImportDossier.Of(reading, "claims-sample", "sample"), ct);
            log.LogInformation("Loaded the sample call {CallId} into the new database: {Appended} events", outcome.CallId, outcome.Appended);
        }

        if (!settings.Value.LoadRecord) return;
        var record = ReadRecord();
        var outcomes = await new DossierBatchImport(store, bus).ImportAsync(
            record.Select(r => DossierReader.Read(r.Json)).ToList(), "claims-record", "sample", ct);
        if (outcomes.FirstOrDefault(o => o.Problems.Count + o.Conflicts.Count > 0) is { } refused)
            throw new InvalidOperationException($"The shipped record's call {refused.CallId} was refused: " + string.Join("; ", [.. refused.Problems, .. refused.Conflicts]));
        log.LogInformation("Loaded the record of {Calls} real calls into the new database: {Appended} events", outcomes.Count, outcomes.Sum(o => o.Appended));
    }

    /// <summary>Every sample dossier embedded in the program, by name, in name order.</summary>
    public static IReadOnlyList<(string Name, string Json)> ReadSamples() => ReadEmbedded("samples/");

    /// <summary>Every dossier of the record of real calls embedded in the program, by name, in name order.</summary>
    public static IReadOnlyList<(string Name, string Json)> ReadRecord() => ReadEmbedded("record/");

    private static List<(string Name, string Json)> ReadEmbedded(string folder)
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (name[folder.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>The sample of the Xi–Trump call.</summary>
    public static string ReadSample() => ReadSamples().Single(s => s.Name == $"{SampleCallId}.json").Json;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
