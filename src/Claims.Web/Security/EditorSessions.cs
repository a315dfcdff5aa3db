using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Claims.Web.Security;

/// <summary>An editor's signed-in session, kept server-side: the cookie holds only its protected id.</summary>
public sealed class EditorSession
{
    public string Id { get; set; } = "";
    public string Editor { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>
/// Sessions stored in the database, so that signing out ends a session for good (a copy of the cookie replayed
/// afterwards finds nothing) on every tracker sharing the database.
/// </summary>
public sealed class EditorSessionStore(IDocumentStore store) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Guid.NewGuid().ToString("N");
        await Save(id, ticket);
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => Save(key, ticket);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<EditorSession>(key);
        if (stored is null || stored.ExpiresAt < DateTimeOffset.UtcNow) return null;
        return Serializer.Deserialize(stored.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var session = store.LightweightSession();
        session.Delete<EditorSession>(key);
        await session.SaveChangesAsync();
    }

    private async Task Save(string id, AuthenticationTicket ticket)
    {
        await using var session = store.LightweightSession();
        session.Store(new EditorSession
        {
            Id = id, Editor = ticket.Principal.Identity?.Name ?? "", Ticket = Serializer.Serialize(ticket), ExpiresAt = ticket.Properties.ExpiresUtc
        });
        await session.SaveChangesAsync();
    }
}
