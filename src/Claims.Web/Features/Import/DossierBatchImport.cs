using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Wolverine;

namespace Claims.Web.Features.Import;

/// <summary>
/// Imports many dossiers at once for the command line: one session and one commit per batch instead of one
/// per dossier, with the same decision (<see cref="DossierImport"/>) and the same inline projections. New calls
/// start their streams; a call already stored is fetched for writing, so a concurrent change fails the commit.
/// A batch that fails that way is imported again one dossier at a time through <see cref="ImportDossierHandler"/>,
/// which retries and locks: nothing is lost and nothing is written twice.
/// </summary>
public sealed class DossierBatchImport(IDocumentStore store, IMessageBus bus)
{
    public const int BatchSize = 100;

    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<DossierReading> dossiers, string editor, string via, CancellationToken ct)
    {
        var outcomes = new List<ImportOutcome>(dossiers.Count);
        foreach (var batch in Batches(dossiers))
        {
            try
            {
                outcomes.AddRange(await ImportBatchAsync(batch, editor, via, ct));
            }
            catch (Exception e) when (e is ConcurrencyException or ExistingStreamIdCollisionException)
            {
                await ImportOneByOne(batch);
            }
        }
        return outcomes;

        async Task ImportOneByOne(IEnumerable<DossierReading> readings)
        {
            foreach (var reading in readings)
                outcomes.Add(await bus.InvokeAsync<ImportOutcome>(ImportDossier.Of(reading, editor, via), ct));
        }
    }

    private async Task<List<ImportOutcome>> ImportBatchAsync(IReadOnlyList<DossierReading> batch, string editor, string via, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = editor;
        session.SetHeader("via", via);

        var stored = (await session.LoadManyAsync<CallReconciliation>(ct, batch.Select(d => d.Dossier!.Call.Id).ToArray())).ToDictionary(c => c.Id);
        var sourceKeys = batch.SelectMany(r => r.Dossier!.Sources.Select(s => s.Id).Concat(r.Dossier!.Accounts.Select(a => a.Source))).Distinct().Select(SourceStream.Key);
        var sources = (await session.LoadManyAsync<SourceProfile>(ct, sourceKeys.ToArray())).ToDictionary(s => s.SourceId);

        var outcomes = new List<ImportOutcome>(batch.Count);
        foreach (var reading in batch)
        {
            var dossier = reading.Dossier!;
            var callId = dossier.Call.Id;
            var stream = stored.ContainsKey(callId) ? await session.Events.FetchForWriting<CallReconciliation>(callId, ct) : null;
            var decision = DossierImport.Decide(dossier, stream?.Aggregate, sources);
            var outcome = ImportOutcome.From(decision, reading.Warnings);
            outcomes.Add(outcome);
            if (decision.Refused || decision.Appended == 0) continue;
            if (outcome.ToKeep(editor, via) is { } kept) session.Store(kept);

            new StartSourceStreams(decision.NewSources).Execute(session);
            foreach (var source in decision.NewSources)   // later dossiers of this batch see them as stored
                sources[source.SourceId] = SourceProfile.Of(source.SourceId, source.Name, source.Side, source.Kind);
            if (stream is null) session.Events.StartStream<CallReconciliation>(callId, decision.CallEvents.ToArray());
            else stream.AppendMany(decision.CallEvents.ToArray());
        }

        await session.SaveChangesAsync(ct);
        return outcomes;
    }

    /// <summary>Batches of distinct calls: a call named twice goes into a later batch, after its first import.</summary>
    private static IEnumerable<List<DossierReading>> Batches(IReadOnlyList<DossierReading> dossiers)
    {
        var batch = new List<DossierReading>();
        var ids = new HashSet<string>();
        foreach (var dossier in dossiers)
        {
            if (batch.Count == BatchSize || !ids.Add(dossier.Dossier!.Call.Id))
            {
                yield return batch;
                batch = [dossier];
                ids = [dossier.Dossier!.Call.Id];
                continue;
            }
            batch.Add(dossier);
        }
        if (batch.Count > 0) yield return batch;
    }
}
