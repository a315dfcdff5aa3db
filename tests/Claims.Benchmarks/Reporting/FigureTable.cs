using System.Globalization;
using Claims.Benchmarks.Measuring;

namespace Claims.Benchmarks.Reporting;

public sealed record FigureRow(string Figure, string Value, string Spread, string Runs);

/// <summary>The figures of one corpus size as rows, and the key=value lines that scripts read.</summary>
public static class FigureTable
{
    public static List<FigureRow> Rows(SizeResult r)
    {
        var rows = new List<FigureRow>
        {
            new("corpus", $"{r.Calls:N0} calls, {r.Claims:N0} claims, {r.ImportEvents:N0} events", "", ""),
            Rate("raw binary COPY into a plain table (rows/s)", r.CopyRowsPerSecond),
            Rate("import command, wall incl. process start (claims/s)", r.ImportClaimsPerSecond),
            Rate("import command, start-up excluded (claims/s)", r.SteadyClaimsPerSecond),
            new("import command start-up: one dossier into a fresh schema (s)", Num(r.ImportStartupSeconds, "0.00"), "", "1"),
            new("import ÷ COPY", Num(r.ImportVsCopy, "0.000"), $"COPY is {1 / r.ImportVsCopy:0.#}× faster", ""),
            new("the same events by Marten's bulk COPY, no views (claims/s)", Num(r.BulkEventCopyClaimsPerSecond, "N0"),
                $"{r.BulkEventCopyClaimsPerSecond / r.CopyRowsPerSecond.Median:0.00} × COPY", "1"),
            Of("import command peak memory (MiB, VmHWM)", r.ImportPeakMemoryMb, "0"),
            new("serving program: async discrepancy index complete after start (s)", Num(r.IndexReadySeconds, "0.0"), $"{r.ImportEvents:N0} events", "1"),
            new($"corrections + retractions over HTTP, 4 clients ({r.Changes:N0})", Num(r.ChangesPerSecond, "N0") + " /s", "", "1"),
        };
        foreach (var h in r.HttpImports)
            rows.Add(new($"POST /api/dossiers, {h.Clients} client{(h.Clients == 1 ? "" : "s")}, 10-claim dossiers (ms p50 / p95 / p99)",
                $"{h.Latency.P50:0.0} / {h.Latency.P95:0.0} / {h.Latency.P99:0.0}", $"{h.DossiersPerSecond:0} dossiers/s", $"{h.Latency.Count} req"));
        if (r.DeskClaims is { } d)
            rows.Add(new($"POST /api/calls/{{id}}/claims, {d.Clients} clients, one claim each (ms p50 / p95 / p99)",
                $"{d.Latency.P50:0.0} / {d.Latency.P95:0.0} / {d.Latency.P99:0.0}", $"{d.ClaimsPerSecond:0} claims/s", $"{d.Latency.Count} req"));
        if (r.AlertDelivery is { } a)
            rows.Add(new("alert at a webhook after the change commits (ms p50 / p95 / p99)",
                $"{a.Latency.P50:0.0} / {a.Latency.P95:0.0} / {a.Latency.P99:0.0}", a.Missing > 0 ? $"{a.Missing} changes raised none" : "", $"{a.Latency.Count} alerts"));
        foreach (var m in r.MixedReads)
        {
            string P(Latency l) => $"{l.P50:0.0} / {l.P95:0.0} / {l.P99:0.0}";
            rows.Add(new($"mixed reads, {m.Clients} clients: every request (ms p50 / p95 / p99)", P(m.All),
                $"{m.All.P95 / m.HttpFloor.P95:0.0} × HTTP floor; {m.RequestsPerSecond:0} req/s; {m.Errors} errors", $"{m.All.Count} req"));
            rows.Add(new($"  HTTP floor: a constant from a bare ASP.NET Core endpoint", P(m.HttpFloor), "", $"{m.HttpFloor.Count} req"));
            rows.Add(new($"  view floor: the call's document by primary key (Npgsql)", P(m.ViewFloor), "", $"{m.ViewFloor.Count} req"));
            rows.Add(new($"  query floor: the discrepancy API's SQL ({Steps.MixedReads.DiscrepancyFilters}), run directly", P(m.QueryFloor), "", $"{m.QueryFloor.Count} req"));
            foreach (var (kind, latency) in m.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var (floor, name) = kind switch
                {
                    "call_view" => (m.ViewFloor, "view floor"),
                    "discrepancies" => (m.QueryFloor, "query floor"),
                    _ => (m.HttpFloor, "HTTP floor")
                };
                rows.Add(new($"  {kind}", P(latency), $"{latency.P95 / floor.P95:0.0} × {name}", $"{latency.Count} req"));
            }
        }
        rows.Add(Rate("rebuild of every projection, as `projections rebuild` runs them (events/s)", r.RebuildEventsPerSecond));
        if (r.Rebuilds.Count > 0)
        {
            rows.Add(Rate("  the daemon reading every event and writing nothing (events/s)", Spread.Of(r.Rebuilds.Select(b => b.ReadOnlyEventsPerSecond).ToList())));
            foreach (var name in r.Rebuilds[0].Projections.Select(p => p.Projection))
            {
                var seconds = Spread.Of(r.Rebuilds.Select(b => b.Projections.First(p => p.Projection == name).Seconds).ToList());
                rows.Add(new($"  {name} (s, overlapping)", Num(seconds.Median, "0.00"), Range(seconds, "0.00"), Runs(seconds)));
            }
        }
        foreach (var q in r.Queries)
            rows.Add(new($"{q.Kind.Label} (ms p50 / p95 / p99)", $"{q.Latency.P50:0.0} / {q.Latency.P95:0.0} / {q.Latency.P99:0.0}",
                q.Total is { } total ? (q.TotalExact ? $"{total:N0} rows match" : $"more than {total:N0} match") : "", $"{q.Latency.Count} req"));
        rows.Add(Of("cold start to a healthy /health (ms)", Spread.Of(r.ColdStartsMs), "0"));
        rows.Add(new("serving process peak memory (MiB, VmHWM)", Num(r.ServerPeakMemoryMb, "0"), "", "1"));
        return rows;
    }

    public static List<(string Key, string Value)> KeyValues(SizeResult r)
    {
        string F(double v) => v.ToString(v >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
        var (discrepancies, _) = r.WorstP95("discrepancies");
        var (search, _) = r.WorstP95("search");
        var list = new List<(string, string)>
        {
            ("corpus_claims", r.Claims.ToString(CultureInfo.InvariantCulture)),
            ("corpus_events", r.ImportEvents.ToString(CultureInfo.InvariantCulture)),
            ("import_claims_per_s", F(r.ImportClaimsPerSecond.Median)),
            ("import_claims_per_s_steady", F(r.SteadyClaimsPerSecond.Median)),
            ("copy_rows_per_s", F(r.CopyRowsPerSecond.Median)),
            ("import_vs_copy", r.ImportVsCopy.ToString("0.0000", CultureInfo.InvariantCulture)),
            ("bulk_events_vs_copy", (r.BulkEventCopyClaimsPerSecond / r.CopyRowsPerSecond.Median).ToString("0.0000", CultureInfo.InvariantCulture)),
            ("peak_memory_mb", F(r.ImportPeakMemoryMb.Median)),
            ("index_ready_s", F(r.IndexReadySeconds)),
            ("rebuild_events_per_s", F(r.RebuildEventsPerSecond.Median)),
            ("rebuild_read_only_events_per_s", F(Spread.Of(r.Rebuilds.Select(b => b.ReadOnlyEventsPerSecond).ToList()).Median)),
            ("reconciliation_p95_ms", F(r.Query("reconciliation").P95)),
            ("reconciliation_recorded_as_of_p95_ms", F(r.Query("reconciliation_recorded_as_of").P95)),
            ("discrepancies_p95_ms", F(discrepancies)),
            ("search_p95_ms", F(search)),
            ("everything_p95_ms", F(r.WorstP95("everything").P95)),
            ("call_page_p95_ms", F(r.Query("call_page").P95)),
        };
        foreach (var h in r.HttpImports)
        {
            list.Add(($"http_import_p95_ms_{h.Clients}", F(h.Latency.P95)));
            list.Add(($"http_import_per_s_{h.Clients}", F(h.DossiersPerSecond)));
        }
        if (r.DeskClaims is { } desk)
        {
            list.Add(($"desk_claim_p95_ms_{desk.Clients}", F(desk.Latency.P95)));
            list.Add(($"desk_claims_per_s_{desk.Clients}", F(desk.ClaimsPerSecond)));
        }
        if (r.AlertDelivery is { } alerts) list.Add(("alert_delivery_p95_ms", F(alerts.Latency.P95)));
        foreach (var m in r.MixedReads)
        {
            list.Add(($"mixed_p95_ms_{m.Clients}", F(m.All.P95)));
            list.Add(($"mixed_errors_{m.Clients}", m.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            list.Add(($"http_floor_p95_ms_{m.Clients}", F(m.HttpFloor.P95)));
            list.Add(($"mixed_vs_http_floor_p95_{m.Clients}", F(m.All.P95 / m.HttpFloor.P95)));
        }
        list.Add(("cold_start_ms", F(Spread.Of(r.ColdStartsMs).Median)));
        return list;
    }

    public static void Print(TextWriter writer, List<FigureRow> rows)
    {
        var w = new[] { rows.Max(r => r.Figure.Length), rows.Max(r => r.Value.Length), rows.Max(r => r.Spread.Length) };
        foreach (var row in rows)
            writer.WriteLine($"{row.Figure.PadRight(w[0])}  {row.Value.PadLeft(w[1])}  {row.Spread.PadRight(w[2])}  {row.Runs}");
    }

    private static FigureRow Rate(string figure, Spread s) => new(figure, Num(s.Median, "N0"), Range(s, "N0"), Runs(s));

    private static FigureRow Of(string figure, Spread s, string format) => new(figure, Num(s.Median, format), Range(s, format), Runs(s));

    private static string Range(Spread s, string format) => s.Runs > 1 ? $"{Num(s.Min, format)} – {Num(s.Max, format)}" : "";

    private static string Runs(Spread s) => s.Runs == 1 ? "1 run" : $"{s.Runs} runs";

    private static string Num(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
