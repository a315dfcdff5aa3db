using System.Diagnostics;
using Claims.Benchmarks.Corpus;
using Claims.Benchmarks.Measuring;
using NpgsqlTypes;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// PostgreSQL's practical ceiling on this machine: the same claim rows written with binary COPY in one
/// transaction into a plain table with the columns a claim has and comparable indexes.
/// </summary>
public static class CopyBaseline
{
    private const string Table = "bench_copy.claims";

    public static async Task<Spread> Run(BenchDatabase db, IReadOnlyList<ClaimRow> rows, int repeats)
    {
        var rates = new List<double>();
        for (var run = 0; run < repeats; run++)
        {
            await db.Execute($"""
                create schema if not exists bench_copy;
                drop table if exists {Table};
                create table {Table} (
                    call_id text not null, claim_id text not null, account_id text not null, source_id text not null,
                    side text not null, topic text not null, stance text not null, statement text not null, speaker text,
                    quote_text text, quote_language text, quote_translation text, facet_key text, facet_value text,
                    published_at timestamptz not null,
                    primary key (call_id, claim_id));
                create index on {Table} (topic);
                create index on {Table} (call_id);
                """);

            var clock = Stopwatch.StartNew();
            await using (var connection = await db.DataSource.OpenConnectionAsync())
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var importer = await connection.BeginBinaryImportAsync(
                    $"copy {Table} (call_id, claim_id, account_id, source_id, side, topic, stance, statement, speaker, quote_text, quote_language, quote_translation, facet_key, facet_value, published_at) from stdin (format binary)"))
                {
                    foreach (var r in rows)
                    {
                        await importer.StartRowAsync();
                        await importer.WriteAsync(r.CallId, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.ClaimId, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.AccountId, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.SourceId, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.Side, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.Topic, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.Stance, NpgsqlDbType.Text);
                        await importer.WriteAsync(r.Statement, NpgsqlDbType.Text);
                        await Nullable(importer, r.Speaker);
                        await Nullable(importer, r.QuoteText);
                        await Nullable(importer, r.QuoteLanguage);
                        await Nullable(importer, r.QuoteTranslation);
                        await Nullable(importer, r.FacetKey);
                        await Nullable(importer, r.FacetValue);
                        await importer.WriteAsync(r.PublishedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    }
                    await importer.CompleteAsync();
                }
                await transaction.CommitAsync();
            }
            clock.Stop();
            rates.Add(rows.Count / clock.Elapsed.TotalSeconds);
        }
        await db.Execute("drop schema if exists bench_copy cascade");
        return Spread.Of(rates);
    }

    private static Task Nullable(Npgsql.NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);
}
