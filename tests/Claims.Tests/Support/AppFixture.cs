using System.Net.Http.Headers;
using Alba;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Claims.Tests.Support;

/// <summary>
/// The real program (Wolverine HTTP pipeline, Marten, the editor key) on the test database, in a schema of
/// its own. Tests in one class share it and keep apart by using their own call ids.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public const string EditorKey = "test-editor-key";

    public IAlbaHost Host { get; private set; } = null!;
    /// <summary>The schema this program's event store is in (unless <see cref="Settings"/> names another).</summary>
    public string Schema { get; } = TestDatabase.NewSchema("app");
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Whether the sample call is loaded on start, as on a user's first run.</summary>
    protected virtual bool LoadSample => false;
    /// <summary>The record of real calls (docs/record) besides the sample, when the sample is loaded.</summary>
    protected virtual bool LoadRecord => false;

    /// <summary>Further settings of the program, as a user would give them in configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        var connection = TestDatabase.ConnectionString;
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Marten", connection);
            b.UseSetting("Claims:Schema", Schema);
            b.UseSetting("Claims:EditorKey", EditorKey);
            b.UseSetting("Claims:LoadSample", LoadSample ? "true" : "false");
            b.UseSetting("Claims:LoadRecord", LoadRecord ? "true" : "false");
            foreach (var (name, value) in Settings) b.UseSetting(name, value);
            b.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// Waits until the async daemon has projected every event appended so far (the discrepancy index). Marten's wait
    /// throws at once on a store with no events at all, so an empty store returns straight away.
    /// </summary>
    public async Task WaitForProjections()
    {
        await using (var session = Store.QuerySession())
            if (!await session.Events.QueryAllRawEvents().AnyAsync()) return;
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Imports a dossier over HTTP and fails the test unless it was accepted.</summary>
    public async Task Import(string json)
    {
        var response = await Client().PostAsync("/api/dossiers", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
            throw new InvalidOperationException($"Import refused ({response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Adds an editor with a key of their own (as <c>editors add NAME</c> does) and gives a client that writes with it.</summary>
    public async Task<HttpClient> EditorClient(string name)
    {
        var (key, problem) = await Claims.Web.Security.EditorAccounts.AddAsync(Store, name);
        key.ShouldNotBeNull(problem);
        return Client(key: key);
    }

    /// <summary>A plain HTTP client on the test server, for requests Alba's scenarios do not shape (raw bodies).</summary>
    /// <param name="namingVersions">Whether a change names the version it read first (<see cref="NamingVersions"/>), as careful clients do.</param>
    public HttpClient Client(bool editor = true, string? key = null, bool namingVersions = true)
    {
        var client = namingVersions
            ? new HttpClient(new NamingVersions(Host.Server.CreateHandler())) { BaseAddress = Host.Server.BaseAddress }
            : Host.Server.CreateClient();
        if (editor) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key ?? EditorKey);
        return client;
    }
}

public sealed class SampleAppFixture : AppFixture
{
    protected override bool LoadSample => true;
}

/// <summary>A new database as a user's first start makes it: the sample calls and the record of real calls.</summary>
public sealed class RecordAppFixture : AppFixture
{
    protected override bool LoadSample => true;
    protected override bool LoadRecord => true;
}
