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

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
