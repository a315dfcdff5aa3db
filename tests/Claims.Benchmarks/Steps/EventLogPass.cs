using Claims.Domain.Calls;
using Claims.Domain.Sources;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Claims.Benchmarks.Steps;

/// <summary>
/// A projection that reads every event of the log and writes nothing: its rebuild is the daemon's own ceiling on
/// this machine (paging, loading and deserializing events, tracking progress), which no projection can beat.
/// Registered only in the benchmark's store.
/// </summary>
public sealed class EventLogPass : EventProjection
{
    public const string ProjectionName = "EventLogPass";

    public EventLogPass()
    {
        Name = ProjectionName;
        IncludeType<CallRegistered>();
        IncludeType<AccountPublished>();
        IncludeType<ClaimRecorded>();
        IncludeType<ClaimCorrected>();
        IncludeType<ClaimRetracted>();
        IncludeType<SourceRegistered>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation) => ValueTask.CompletedTask;
}
