using Claims.Domain.Alerts;
using Claims.Domain.Calls;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Domain.Search;
using Claims.Domain.Sources;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Claims.Domain;

/// <summary>The one place the event store is configured, shared by the program, its commands and the tests.</summary>
public static class ClaimsStore
{
    public const string DefaultSchema = "claims";

    public static void Configure(StoreOptions opts, string connectionString, string schema = DefaultSchema)
    {
        opts.DataSourceFactory(new PlanKeepingDataSources(), WithoutParallelQueries(connectionString));
        opts.DatabaseSchemaName = schema;
        // Absent optional fields are left out of events and documents rather than written as null: version 2 added
        // several to every event, and nulls on every one made the event log a tenth larger for nothing.
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json => json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);

        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        // Each async projection's state (running, paused, stopped, and why) is kept in mt_event_progression, where the
        // readiness check and any other tracker on the database can read it.
        opts.Events.EnableExtendedProgressionTracking = true;
        // An append wakes the daemon at once (PostgreSQL NOTIFY) instead of at its next poll of up to a second: alerts
        // go out, and the discrepancy index catches up, within a fraction of a second of a change.
        opts.Events.UseListenNotifyForEventAppends = true;
        // A poison event (one the projections' code throws on) is skipped and recorded as a dead letter
        // (mt_doc_deadletterevent), never silently, so one bad event does not stop the index for every other call.
        // A rebuild stops on one instead, so that it never finishes with a silent hole.
        opts.Projections.Errors.SkipApplyErrors = true;
        opts.Projections.Errors.SkipSerializationErrors = true;
        opts.Projections.Errors.SkipUnknownEvents = true;
        opts.Projections.RebuildErrors.SkipApplyErrors = false;

        opts.Events.AddEventType<CallRegistered>();
        opts.Events.AddEventType<AccountPublished>();
        opts.Events.AddEventType<AccountTextRevised>();
        opts.Events.AddEventType<ClaimRecorded>();
        opts.Events.AddEventType<ClaimCorrected>();
        opts.Events.AddEventType<ClaimRetracted>();
        opts.Events.AddEventType<SourceRegistered>();

        opts.Projections.Add(new CallReconciliationProjection { Options = { BatchSize = EventPage } }, ProjectionLifecycle.Inline);
        // The desk fetches the call for writing on every change: the last state it committed is kept in memory (a call
        // being recorded is fetched again within seconds) and used when the stream has not moved since, so the stored
        // view is not read and deserialised again. Marten checks the stream's version every time.
        opts.Events.CacheAggregatesForWriting<CallReconciliation>(sizeLimit: 100);
        opts.Projections.Add(new CallSummaryProjection { Options = { BatchSize = EventPage } }, ProjectionLifecycle.Inline);
        opts.Projections.Add(new SourceProfileProjection { Options = { BatchSize = EventPage } }, ProjectionLifecycle.Inline);

        // The cross-call index runs in the async daemon in two stages: each call's state, then the discrepancy
        // rows and the sources' records derived from it.
        opts.Projections.CompositeProjectionFor(DiscrepancyIndex, index =>
        {
            index.Options.BatchSize = EventPage;
            index.Add<CallLedgerProjection>();
            index.Add<DiscrepancyIndexProjection>(2);
            index.Add<SourceRecordProjection>(2);
            index.Add<SearchIndexProjection>(2);
        });
        ConfigureDiscrepancyRows(opts);
        ConfigureCallSummaries(opts);
        ConfigureSearchEntries(opts);
        // Alerts are read newest first (the feed), by the sequence of the change that raised them.
        opts.Schema.For<DiscrepancyAlert>().Duplicate(x => x.Sequence, notNull: true);
        // Calls that name a given call (in their related calls or their claims' relations): a call's view shows those links too.
        opts.Schema.For<CallReconciliation>().Duplicate(x => x.LinkedCalls, "text[]", configure: index => index.Method = IndexMethod.gin);
        opts.Schema.For<SourceRecord>().Index(x => x.SourceId);
    }

    public const string DiscrepancyIndex = "DiscrepancyIndex";

    /// <summary>
    /// Events the daemon reads per page when catching up or rebuilding (Marten's default is 500). A page's events and
    /// the documents they make are held in memory until the page is written: at a million claims, `projections rebuild`
    /// with pages of 50,000 held 2 GB and spent 121 s of CPU (most of it collecting garbage) for 155 s of wall time;
    /// with 2,000, 0.44 GB, 80 s and 135 s, as with 1,000 or 5,000 (docs/performance-targets.md). Larger pages paid
    /// only while every page merged its search entries into the trigram index, which a rebuild now builds once at the end.
    /// </summary>
    public const int EventPage = 2000;

    private const int BigramPendingListKb = 512;
    private const int TrigramPendingListKb = 4096;

    /// <summary>
    /// The fact-checkers' filters read real columns, duplicated from each row: counting thousands of matches then
    /// touches narrow index entries instead of decompressing every matching document. The rows' text filter is the
    /// search index's (<see cref="ConfigureSearchEntries"/>), whose topic entries have the rows' ids.
    /// </summary>
    private static void ConfigureDiscrepancyRows(StoreOptions opts)
    {
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        var rows = opts.Schema.For<DiscrepancyRow>();
        rows.Duplicate(x => x.SortKey, notNull: true);
        rows.Duplicate(x => x.CallDate, notNull: true);
        rows.Duplicate(x => x.Topic, notNull: true);
        rows.Duplicate(x => x.Verdict, notNull: true);
        rows.Duplicate(x => x.FindingKinds, "text[]", configure: index => index.Method = IndexMethod.gin);
        rows.Duplicate(x => x.SourceIds, "text[]", configure: index => index.Method = IndexMethod.gin);
        rows.Duplicate(x => x.Sides, "text[]", configure: index => index.Method = IndexMethod.gin);
    }

    /// <summary>
    /// The call list reads and filters these columns without opening each summary's document, which holds every claim's
    /// facts (a call of the 1M corpus: 15 kB): newest first by date, the title for its text filter, the topics.
    /// </summary>
    private static void ConfigureCallSummaries(StoreOptions opts)
    {
        var summaries = opts.Schema.For<CallSummary>();
        // Nullable: a NOT NULL column cannot be added to the table of a database written before it.
        // One index on (date DESC, id): the list's order, newest first, is then read from it a page at a time; on the date
        // alone, every call was read and sorted for every page (a sort spilling to disk at 5,000 calls).
        summaries.Duplicate(x => x.Date, configure: index => index.Mask = "? DESC, id");
        summaries.Duplicate(x => x.Title);
        summaries.Duplicate(x => x.Topics, "text[]", configure: index => index.Method = IndexMethod.gin);
    }

    /// <summary>
    /// The tracker's queries are short and read a page of rows by an index: PostgreSQL's parallel plans start worker
    /// processes that cost more than the query (a discrepancy search took 140 ms in parallel, 50 ms without, at 100k
    /// claims on two cores). A connection string that sets the option itself keeps its own choice.
    /// </summary>
    public static string WithoutParallelQueries(string connectionString) =>
        WithSetting(connectionString, "max_parallel_workers_per_gather", "0");

    /// <summary>The connection string with a PostgreSQL setting for its sessions, unless its options set that one already.</summary>
    public static string WithSetting(string connectionString, string setting, string value)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains(setting, StringComparison.Ordinal) == true) return connectionString;
        builder.Options = $"{builder.Options} -c {setting}={value}".Trim();
        return builder.ConnectionString;
    }

    /// <summary>
    /// The search index over every topic's claims and every account's text: the discrepancy rows' filters, and the
    /// folded text in one column that a trigram index serves (Chinese and Japanese have no spaces, so word-based
    /// full-text search does not apply) with, for two-character terms, an array of two-character pieces.
    /// </summary>
    private static void ConfigureSearchEntries(StoreOptions opts)
    {
        var entries = opts.Schema.For<SearchEntry>();
        entries.Duplicate(x => x.SortKey, notNull: true);
        entries.Duplicate(x => x.Kind, notNull: true);
        entries.Duplicate(x => x.SourceIds, "text[]", configure: index => index.Method = IndexMethod.gin);
        entries.Duplicate(x => x.Sides, "text[]", configure: index => index.Method = IndexMethod.gin);
        entries.Duplicate(x => x.Topics, "text[]", configure: index => index.Method = IndexMethod.gin);
        entries.Duplicate(x => x.FindingKinds, "text[]", configure: index => index.Method = IndexMethod.gin);
        // A GIN index batches new entries in a pending list that every query scans in full. For the pieces, PostgreSQL's
        // default of 4 MB made two-character searches 50 ms slower while the daemon was writing; no list at all made the
        // index twice as slow to build; 512 kB keeps both costs small. The trigram index, whose entries are ten times as
        // many, keeps the default: at 512 kB writing a search entry cost twice as much (the index merged its list 8 times
        // as often), and a query still finds its page by the sort key's index, rechecking the text, without the list.
        entries.Duplicate(x => x.SearchBigrams, "text[]", configure: index =>
        {
            index.Method = IndexMethod.gin;
            index.StorageParameters["gin_pending_list_limit"] = BigramPendingListKb;
        });
        entries.Duplicate(x => x.SearchText, configure: index =>
        {
            index.Name = "ix_search_entry_trgm";
            index.Method = IndexMethod.gin;
            index.Mask = "? gin_trgm_ops";
            index.StorageParameters["gin_pending_list_limit"] = TrigramPendingListKb;
        });
    }
}
