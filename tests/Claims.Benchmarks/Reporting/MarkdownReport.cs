using System.Globalization;
using System.Text;

namespace Claims.Benchmarks.Reporting;

/// <summary>docs/performance.md (full mode) or docs/performance-quick.md: machine, commands, figures, growth.</summary>
public static class MarkdownReport
{
    public static string Write(BenchSettings settings, Machine machine, IReadOnlyList<SizeResult> sizes, TimeSpan elapsed, string plotFile)
    {
        var largest = sizes[^1];
        var md = new StringBuilder();
        var quick = settings.Mode == "quick";
        md.AppendLine(quick ? "# Performance (quick run)" : "# Performance");
        md.AppendLine();
        md.AppendLine(quick
            ? "Written by `--quick`, a small run that checks the benchmark works and shows rough figures. The figures of record come from `--full` (a million claims), which writes performance.md."
            : "What Claims does with a million claims on one small machine, measured end to end through the program a user runs: the `import` command, the HTTP API, the pages and a projection rebuild, against PostgreSQL's own bulk-load ceiling measured in the same run.");
        md.AppendLine();
        md.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} in {elapsed.TotalMinutes:0.0} minutes.");
        md.AppendLine();

        md.AppendLine("How these figures compare with the targets, what limits each one, and what was tried: [performance-targets.md](performance-targets.md).");
        md.AppendLine();
        md.AppendLine("## Reproduce");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine("dotnet run -c Release --project tests/Claims.Benchmarks -- --quick          # 2k and 10k claims, under 3 minutes; writes docs/performance-quick.md");
        md.AppendLine("dotnet run -c Release --project tests/Claims.Benchmarks -- --full           # 10k, 100k and 1M claims; writes docs/performance.md and docs/performance-growth.png");
        md.AppendLine("dotnet run -c Release --project tests/Claims.Benchmarks -- --size 100000    # one size, figures printed only (--keep leaves its schema)");
        md.AppendLine("dotnet run -c Release --project tests/Claims.Benchmarks -- --reads SCHEMA  # the mixed reads alone, on a schema kept by --keep");
        md.AppendLine("dotnet run -c Release --project tests/Claims.Benchmarks -- --desk SCHEMA   # the desk alone on a kept schema: its calls, then calls opened with no claims");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("The benchmark starts a throwaway PostgreSQL cluster of its own from the machine's binaries, with durable settings " +
            "(fsync on), and removes it at the end; `CLAIMS_BENCH_CONNECTION` points it at another database instead. It exits 0 " +
            "unless something is functionally wrong (a refused import, wrong counts), never because of a slow figure. The last " +
            "lines it prints are `key=value` figures for scripts.");
        md.AppendLine();

        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine($"| CPU | {machine.Cpu}, {machine.Cores} cores (`nproc`) |");
        md.AppendLine($"| memory | {machine.Memory} |");
        md.AppendLine($"| OS | {machine.Os} |");
        md.AppendLine($"| database | {machine.Postgres}, {machine.Database} |");
        md.AppendLine($"| runtime | {machine.DotNet}, Release build |");
        md.AppendLine();

        md.AppendLine($"## Figures at {largest.Claims:N0} claims");
        md.AppendLine();
        md.AppendLine("Value is the median over runs; spread is the lowest to the highest run. Latencies are percentiles of one pass " +
            "of requests made one after another by one client, after 40 warm-up requests per kind.");
        md.AppendLine();
        md.AppendLine("| figure | value | spread / note | runs |");
        md.AppendLine("| --- | ---: | --- | --- |");
        foreach (var row in FigureTable.Rows(largest))
            md.AppendLine($"| {Cell(row.Figure)} | {Cell(row.Value)} | {Cell(row.Spread)} | {row.Runs} |");
        md.AppendLine();

        md.AppendLine("## Growth");
        md.AppendLine();
        md.AppendLine($"![rebuild throughput and query p95 latency against corpus size]({plotFile})");
        md.AppendLine();
        md.AppendLine("| claims | events | import claims/s (start-up excluded) | COPY rows/s | rebuild events/s | index complete after start (s) | reconciliation p95 ms | recordedAsOf p95 ms | discrepancies p95 ms (slowest filter) | search p95 ms (slowest term) | call page p95 ms |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in sizes)
        {
            var (disc, discKey) = s.WorstP95("discrepancies");
            var (search, searchKey) = s.WorstP95("search");
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Claims:N0} | {s.ImportEvents:N0} | {s.SteadyClaimsPerSecond.Median:N0} | {s.CopyRowsPerSecond.Median:N0} | {s.RebuildEventsPerSecond.Median:N0} | {s.IndexReadySeconds:0.0} | {s.Query("reconciliation").P95:0.0} | {s.Query("reconciliation_recorded_as_of").P95:0.0} | {disc:0.0} ({discKey}) | {search:0.0} ({searchKey}) | {s.Query("call_page").P95:0.0} |"));
        }
        md.AppendLine();

        md.AppendLine("## Where the time went");
        md.AppendLine();
        md.AppendLine("Wall time of each step of this run, per corpus size (seconds).");
        md.AppendLine();
        var steps = sizes.SelectMany(s => s.Steps.Select(x => x.Step)).Distinct().ToList();
        md.AppendLine("| step | " + string.Join(" | ", sizes.Select(s => SizeResult.Label(s.TargetClaims))) + " |");
        md.AppendLine("| --- |" + string.Concat(sizes.Select(_ => " ---: |")));
        foreach (var step in steps)
            md.AppendLine($"| {step} | " + string.Join(" | ", sizes.Select(s =>
                s.Steps.Where(x => x.Step == step).Sum(x => x.Seconds).ToString("0.0", CultureInfo.InvariantCulture))) + " |");
        md.AppendLine();

        md.AppendLine("## How each figure is taken");
        md.AppendLine();
        md.AppendLine($"- **Corpus**: seeded ({BenchSettings.Seed}) and reproducible: calls between leader pairs from 2019 to 2026, 2–6 global sources " +
            "per call with readouts from both sides most of the time, 5–40 claims per call over 40 topics, quotes in English, Chinese and " +
            "Japanese with translations, facets that sometimes disagree, about 6% denials; about 2% of claims are corrected or retracted " +
            "after import. Every file passes the product's own dossier reader before it is used.");
        md.AppendLine($"- **COPY baseline**: the same claim rows, binary COPY in one transaction into a plain table with the claim's columns, " +
            $"primary key (call_id, claim_id) and indexes on topic and call_id; {settings.CopyRepeats} runs.");
        md.AppendLine("- **Marten bulk event COPY**: the events the import wrote, read back and copied into a fresh event store with " +
            "Marten's `BulkInsertEventStreamAsync` (binary COPY, one transaction): events only, no inline views, no checks; timed " +
            "without the read. The import does not use this path: it raises the daemon's high-water mark past appends still in " +
            "flight from other writers, which the async index would then skip.");
        md.AppendLine($"- **Import**: the built program's `import FOLDER` command as its own process into a fresh schema, {settings.ImportRepeats} run(s) " +
            "per size. Wall time includes the process start (host, Wolverine's runtime code generation, creating the schema); " +
            "start-up is measured alone by importing one dossier into a fresh schema and subtracted for the \"start-up excluded\" rate. Peak memory is VmHWM from /proc. The import appends " +
            "one event per call, account, claim and new source; the async discrepancy index is not built by the command (it is no node) " +
            "and is caught up by the serving program afterwards.");
        md.AppendLine("- **Serving**: the program with `--urls` on a loopback port, `Claims__Nodes=solo`, log level Warning. Corrections and " +
            "retractions are applied over HTTP by 4 clients that each own whole calls; then the call list is checked: one CallSummary " +
            "per call, claim counts summing to the live claims.");
        md.AppendLine("- **Queries**: random call ids (seeded); publishedAsOf is noon UTC on the call's date; recordedAsOf is the end of the bulk import, " +
            "so it replays the call's stream. Discrepancy queries return the first page of 50 with the total, counted exactly up to 5,000 matches (`Claims:CountLimit`, the default) and past that given as \"more than 5,000\".");
        md.AppendLine("- **HTTP import**: new 10-claim dossiers, each a new call, posted with the editor key by 1 client, then by 8 at once.");
        md.AppendLine($"- **Rebuild**: in this process with the program's store configuration (`ClaimsStore.Configure`), after `ANALYZE` of " +
            $"mt_events and mt_streams, every registered projection rebuilt from the whole log as the `projections rebuild` command does it " +
            $"(every projection at once); events/s is the events in mt_events divided by the wall time of the whole rebuild; " +
            $"then, alone, a projection registered only here that reads every event and writes nothing (the daemon's own ceiling); {settings.RebuildRepeats} run(s). The serving program is stopped first.");
        md.AppendLine($"- **Cold start**: process start to the first 200 from /health, on the largest corpus, {settings.ColdStarts} starts.");
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
