using System.Diagnostics;
using Claims.Benchmarks.Corpus;
using Claims.Benchmarks.Measuring;
using Claims.Benchmarks.Reporting;
using Claims.Benchmarks.Steps;

namespace Claims.Benchmarks;

/// <summary>Every figure at one corpus size, in an order where each step leaves the data the next one needs.</summary>
/// <param name="withTexts">Whether the corpus's readouts carry their texts (the search index then holds them too).</param>
public sealed class SizeBenchmark(BenchSettings settings, BenchDatabase db, int targetClaims, bool coldStarts, bool withTexts = false)
{
    private readonly SizeResult _result = new() { TargetClaims = targetClaims, WithTexts = withTexts };
    private readonly string _label = SizeResult.Label(targetClaims) + (withTexts ? "-texts" : "");

    public async Task<SizeResult> Run()
    {
        var folder = Path.Combine(settings.WorkFolder, "corpus-" + _label);
        var corpus = await Step("generate corpus", () => Task.FromResult(new CorpusGenerator(BenchSettings.Seed, withTexts).Write(folder, targetClaims)));
        _result.Calls = corpus.CallIds.Count;
        _result.Claims = corpus.Claims;
        _result.Changes = corpus.Changes.Count;
        _result.ImportEvents = corpus.ImportEvents;
        Say($"{corpus.CallIds.Count:N0} calls, {corpus.Claims:N0} claims, {corpus.ImportEvents:N0} events, {corpus.Changes.Count} changes");

        _result.CopyRowsPerSecond = await Step("COPY baseline", () => CopyBaseline.Run(db, corpus.Rows, settings.CopyRepeats));
        Say($"COPY {_result.CopyRowsPerSecond.Median:N0} rows/s");

        _result.ImportStartupSeconds = await Step("import command", () => CliImport.Startup(settings, db, corpus));
        var schema = "";
        for (var run = 0; run < settings.ImportRepeats; run++)
        {
            if (schema.Length > 0) await db.DropSchema(schema);
            schema = $"bench_{_label}_{run}".ToLowerInvariant().Replace('-', '_');
            var import = await Step("import command", () => CliImport.Run(settings, db, corpus, schema));
            _result.Imports.Add(import);
            Say($"import {corpus.Claims / import.Seconds:N0} claims/s wall ({import.Seconds:0.0} s, of which start-up {_result.ImportStartupSeconds:0.0} s), peak {import.PeakMemoryMb:0} MiB");
        }
        var bulkSeconds = await Step("Marten bulk event COPY", () => BulkEventCopy.Run(db, schema, schema + "_bulk"));
        _result.BulkEventCopyClaimsPerSecond = corpus.Claims / bulkSeconds;
        Say($"Marten bulk event COPY {corpus.Claims / bulkSeconds:N0} claims/s ({corpus.ImportEvents / bulkSeconds:N0} events/s)");
        // recordedAsOf is given in whole seconds: one second later still precedes every correction below.
        var importedAt = (await db.Scalar<DateTime>("select now()")).ToUniversalTime().AddSeconds(1);
        var deskTargets = DeskClaims.Targets(corpus.Rows, settings.HttpImportsConcurrent, BenchSettings.Seed);
        var deskWarmUp = DeskClaims.Targets(corpus.Rows, DeskWarmUp, BenchSettings.Seed + 1);
        corpus.Rows.Clear();   // the COPY rows are the largest thing held; nothing after needs them

        var httpDossiers = new CorpusGenerator(BenchSettings.Seed + 1);
        var serial = httpDossiers.SmallDossiers($"h{_label.ToLowerInvariant()}a", settings.HttpImportsSerial);
        var concurrent = httpDossiers.SmallDossiers($"h{_label.ToLowerInvariant()}b", settings.HttpImportsConcurrent);

        using (var server = await Step("start program (cold)", () => AppServer.Start(settings, schema, $"serve-{_label}.log")))
        {
            _result.ColdStartsMs.Add(server.ColdStartMs);
            // The daemon starts with the host, before /health answers, so readiness is timed from the process start.
            var waited = await Step("async index catch-up", () => IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(2)));
            _result.IndexReadySeconds = server.ColdStartMs / 1000 + waited;
            Say($"healthy after {server.ColdStartMs:0} ms; index caught up {_result.IndexReadySeconds:0.0} s after start");

            _result.ChangesPerSecond = await Step("corrections + retractions", () => ClaimChanges.Apply(server, corpus.Changes));
            await Step("async index catch-up", () => IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1)));
            await Step("verify counts", () => ClaimChanges.Verify(server, db, schema, corpus.CallIds.Count, corpus.ExpectedLiveClaims));
            _result.EventsAfterChanges = await db.Scalar<long>($"select count(*) from {schema}.mt_events");

            _result.Queries = await Step("queries", () => Queries.Run(server, Queries.Kinds(corpus.CallIds, importedAt), settings.QueryRequests, BenchSettings.Seed));
            Say($"queries: reconciliation p95 {_result.Query("reconciliation").P95:0.0} ms, slowest discrepancy search p95 {_result.WorstP95("search").P95:0.0} ms, "
                + $"slowest search over everything p95 {_result.WorstP95("everything").P95:0.0} ms");

            _result.HttpImports.Add(await Step("HTTP import", () => HttpImport.Run(server, serial, 1)));
            _result.HttpImports.Add(await Step("HTTP import", () => HttpImport.Run(server, concurrent, 8)));
            Say($"HTTP import p95 {_result.HttpImports[0].Latency.P95:0.0} ms (1 client), {_result.HttpImports[1].Latency.P95:0.0} ms (8 clients)");
            // The desk's path (its endpoint, handler and the call's inline views) runs here for the first time: its code is
            // compiled and optimised by the runtime while it first runs, so a round that is not measured goes first.
            await Step("desk: warm-up", () => DeskClaims.Run(server, deskWarmUp, 8, "desk-warm"));
            await Step("async index catch-up", () => IndexCatchUp.Wait(db, schema, TimeSpan.FromHours(1)));
            _result.DeskClaims = await Step("desk: record claims", () => DeskClaims.Run(server, deskTargets, 8));
            Say($"desk: a claim recorded in p95 {_result.DeskClaims.Latency.P95:0.0} ms at 8 clients ({_result.DeskClaims.ClaimsPerSecond:0} claims/s)");
            _result.AlertDelivery = await Step("alerts: change to webhook", () => AlertDelivery.Run(server, deskTargets, AlertsMeasured));
            Say($"alerts: at the webhook p95 {_result.AlertDelivery.Latency.P95:0.0} ms after the change committed ({_result.AlertDelivery.Latency.Count} alerts)");
            foreach (var clients in new[] { 8, 32 })
            {
                var mixed = await Step($"mixed reads, {clients} clients", () => MixedReads.Run(server, db, schema, corpus.CallIds, clients, settings.QueryRequests * 12));
                _result.MixedReads.Add(mixed);
                Say(MixedReads.Describe(mixed));
            }
            _result.ServerPeakMemoryMb = server.PeakMemoryMb;
        }

        if (coldStarts)
        {
            for (var start = 1; start < settings.ColdStarts; start++)
            {
                using var server = await Step("cold starts", () => AppServer.Start(settings, schema, $"serve-{_label}-{start}.log"));
                _result.ColdStartsMs.Add(server.ColdStartMs);
            }
            Say($"cold starts {string.Join(", ", _result.ColdStartsMs.Select(ms => ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        }

        var calls = corpus.CallIds.Count + serial.Count + concurrent.Count;
        var live = corpus.ExpectedLiveClaims + 10L * (serial.Count + concurrent.Count) + deskWarmUp.Count + deskTargets.Count + (_result.AlertDelivery is { } a ? a.Latency.Count + a.Missing : 0);
        for (var run = 0; run < settings.RebuildRepeats; run++)
        {
            var rebuild = await Step("rebuild projections", () => Rebuild.Run(db, schema));
            _result.Rebuilds.Add(rebuild);
            Say($"rebuild {rebuild.EventsPerSecond:N0} events/s: " + string.Join(", ", rebuild.Projections.Select(p => $"{p.Projection} {p.Seconds:0.0} s")));
        }
        await Step("verify counts", () => VerifyRebuilt(schema, calls, live));

        if (!settings.KeepSchemas) await db.DropSchema(schema);
        Directory.Delete(folder, recursive: true);
        return _result;
    }

    /// <summary>Claims recorded at the desk before its measured round.</summary>
    private const int DeskWarmUp = 400;

    /// <summary>Changes made one at a time to time their alerts.</summary>
    private const int AlertsMeasured = 100;

    /// <summary>After a rebuild the call list must still hold every call and every live claim.</summary>
    private async Task VerifyRebuilt(string schema, long calls, long live)
    {
        var documents = await db.Scalar<long>($"select count(*) from {schema}.mt_doc_callsummary");
        var claims = await db.Scalar<long>($"select coalesce(sum((data ->> 'claimCount')::int), 0) from {schema}.mt_doc_callsummary");
        if (documents != calls || claims != live)
            throw new BenchFailure($"after the rebuild {schema} holds {documents} calls with {claims} live claims; expected {calls} with {live}");
    }

    private async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var value = await action();
        _result.Steps.Add((name, clock.Elapsed.TotalSeconds));
        return value;
    }

    private async Task Step(string name, Func<Task> action) => await Step(name, async () => { await action(); return 0; });

    private void Say(string message) => Console.WriteLine($"[{_label}] {message}");
}
