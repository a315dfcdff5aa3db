using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;
using Claims.Domain.Sources;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace Claims.Domain;

/// <summary>The one place the event store is configured, shared by the program, its commands and the tests.</summary>
public static class ClaimsStore
{
    public const string DefaultSchema = "claims";

    public static void Configure(StoreOptions opts, string connectionString, string schema = DefaultSchema)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;

        opts.Events.AddEventType<CallRegistered>();
        opts.Events.AddEventType<AccountPublished>();
        opts.Events.AddEventType<ClaimRecorded>();
        opts.Events.AddEventType<ClaimCorrected>();
        opts.Events.AddEventType<ClaimRetracted>();
        opts.Events.AddEventType<SourceRegistered>();

        opts.Projections.Add<CallReconciliationProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CallSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<SourceProfileProjection>(ProjectionLifecycle.Inline);
    }
}
