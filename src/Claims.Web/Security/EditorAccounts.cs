using System.Security.Cryptography;
using System.Text;
using Marten;

namespace Claims.Web.Security;

/// <summary>
/// An editor with a key of their own (<c>editors add NAME</c>). Only the key's SHA-256 is stored: a key is 128 random
/// bits, so a plain hash cannot be reversed by guessing. A revoked account stays, so its name keeps meaning who wrote
/// what in the event log; it is never deleted.
/// </summary>
public sealed class EditorAccount
{
    /// <summary>The name in lower case: names are unique whatever their case.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public bool Active => RevokedAt is null;
}

/// <summary>Adding, listing and revoking editors, and finding who a key belongs to.</summary>
public static class EditorAccounts
{
    /// <summary>The name recorded for changes made with <c>Claims__EditorKey</c>, the first administrator's key.</summary>
    public const string Administrator = "administrator";
    public const int NameMax = 100;
    /// <summary>Longer than any key worth typing (the generated ones have 32 characters).</summary>
    private const int KeyMax = 4096;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static string IdOf(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Why a name cannot be an editor's, or null: one line of printable text, not the administrator's.</summary>
    public static string? Check(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return "The name is empty.";
        if (trimmed.Length > NameMax) return $"The name is {trimmed.Length} characters long; at most {NameMax} are allowed.";
        if (trimmed.Any(char.IsControl) || !IsWellFormed(trimmed))
            return "The name holds a control character or a lone surrogate; give it as one line of text.";
        if (IdOf(trimmed) == Administrator) return $"\"{Administrator}\" is the name of Claims__EditorKey's holder.";
        return null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// Who a key belongs to: the administrator (<c>Claims__EditorKey</c>) or an active editor; with the fingerprint a
    /// signed-in session keeps of it (a revoked or changed key no longer matches it).
    /// </summary>
    public static async Task<(string Name, string Fingerprint)?> ResolveAsync(HttpContext context, string? key)
    {
        // A form value over the form's limit arrives as nothing at all; a key is never thousands of characters long.
        key = key?.Trim();
        if (key is not { Length: > 0 and <= KeyMax }) return null;
        if (EditorKey.Current(context) is { Length: > 0 } admin && EditorKey.Matches(admin, key)) return (Administrator, EditorKey.Fingerprint(admin));
        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        return await FindByKeyAsync(session, key, context.RequestAborted) is { } editor ? (editor.Name, Fingerprint(editor)) : null;
    }

    /// <summary>What a session remembers of a named editor's key: part of its hash.</summary>
    public static string Fingerprint(EditorAccount editor) => "editor:" + editor.KeyHash[..32];

    /// <summary>Whether a session opened as <paramref name="name"/> with <paramref name="fingerprint"/> may go on.</summary>
    public static async Task<bool> StillValidAsync(HttpContext context, string name, string? fingerprint)
    {
        if (fingerprint is null) return false;
        if (name == Administrator)
            return EditorKey.Current(context) is { Length: > 0 } admin && fingerprint == EditorKey.Fingerprint(admin);
        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<EditorAccount>(IdOf(name), context.RequestAborted) is { Active: true } editor && fingerprint == Fingerprint(editor);
    }

    /// <summary>A new editor and their key (shown once), or why not.</summary>
    public static async Task<(string? Key, string? Problem)> AddAsync(IDocumentStore store, string name, CancellationToken ct = default)
    {
        if (Check(name) is { } problem) return (null, problem);
        await using var session = store.LightweightSession();
        var existing = await session.LoadAsync<EditorAccount>(IdOf(name), ct);
        if (existing is { Active: true }) return (null, $"\"{existing.Name}\" is an editor already; revoke the key first to give them a new one.");
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        session.Store(new EditorAccount { Id = IdOf(name), Name = name.Trim(), KeyHash = Hash(key), AddedAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync(ct);
        return (key, null);
    }

    public static async Task<IReadOnlyList<EditorAccount>> ListAsync(IDocumentStore store, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<EditorAccount>().OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Revokes an editor's key and ends their signed-in sessions at once; false when there is no such editor.</summary>
    public static async Task<bool> RevokeAsync(IDocumentStore store, string name, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<EditorAccount>(IdOf(name), ct) is not { } account) return false;
        account.RevokedAt ??= DateTimeOffset.UtcNow;
        session.Store(account);
        session.DeleteWhere<EditorSession>(s => s.Editor == account.Name);
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active editor whose key this is, if any.</summary>
    public static async Task<EditorAccount?> FindByKeyAsync(IQuerySession session, string key, CancellationToken ct = default)
    {
        var hash = Hash(key);
        return await session.Query<EditorAccount>().Where(e => e.KeyHash == hash && e.RevokedAt == null).FirstOrDefaultAsync(ct);
    }
}
