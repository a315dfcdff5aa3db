using Claims.Domain;
using Marten;

namespace Claims.Tests.Support;

/// <summary>A Marten store on a schema of its own, configured exactly as the program configures it.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = DocumentStore.For(opts => ClaimsStore.Configure(opts, TestDatabase.ConnectionString, TestDatabase.NewSchema("store")));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>
    /// Runs the async projections (the discrepancy index, the sources' records) until they have processed every event
    /// appended so far. A plain store has no daemon of its own: this starts one, catches it up and stops it.
    /// </summary>
    public async Task CatchUp()
    {
        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
