using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Domain.Search;
using Claims.Domain.Sources;

namespace Claims.Domain.Indexing;

/// <summary>One kind of document the second stage of the index derives from a call's state: the ids a call can have
/// of it (including ids whose document a change may have deleted) and the document with an id, or null when there is none.</summary>
public sealed record IndexedKind(string Name, Func<CallReconciliation, IEnumerable<string>> Ids, Func<CallReconciliation, string, object?> Build)
{
    public string Key(string id) => $"{Name}:{id}";
}

/// <summary>
/// Which of a call's index documents (discrepancy rows, search entries, sources' records) a batch of its events
/// changed. The ledger keeps a digest of each document as last stored (<see cref="CallLedger.Digests"/>); the
/// documents are derived from the new state, and only those whose digest moved (or that disappeared) are handed to the
/// second stage. The second stage then reads and writes those alone: a claim on one topic touches that topic's row and
/// entry, and a replay that reaches a call's later corrections does not read every document of the call back to
/// compare it.
/// </summary>
public static class IndexedDocuments
{
    public static readonly IndexedKind Rows = new("row",
        call => call.TopicsEverSeen.Select(t => DiscrepancyRow.RowId(call.Id, t)),
        (call, id) => DiscrepancyRow.From(call, id[(call.Id.Length + 1)..]));

    public static readonly IndexedKind SearchEntries = new("search", SearchEntry.IdsOf, SearchEntry.Of);

    public static readonly IndexedKind SourceRecords = new("source",
        call => call.Accounts.Select(a => a.Source.Id).Distinct().Select(s => SourceRecord.RecordId(s, call.Id)),
        (call, id) => SourceRecord.From(call, id[..id.IndexOf('/')]));

    private static readonly IndexedKind[] Kinds = [Rows, SearchEntries, SourceRecords];

    /// <summary>
    /// The documents that differ from those stored, by <see cref="IndexedKind.Key"/> (null: delete it), and the ledger's
    /// digests brought up to date. <paramref name="before"/> null means the digests are unknown (a ledger stored before
    /// they were kept): every document is then written, and every id that has none is deleted.
    /// </summary>
    public static Dictionary<string, object?> Changes(CallReconciliation call, Dictionary<string, string>? before, out Dictionary<string, string> after)
    {
        after = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            foreach (var id in kind.Ids(call))
            {
                var key = kind.Key(id);
                if (kind.Build(call, id) is not { } doc)
                {
                    if (before is null || before.ContainsKey(key)) changes[key] = null;
                    continue;
                }
                var digest = Digest(doc);
                after[key] = digest;
                if (before is null || !before.TryGetValue(key, out var stored) || stored != digest) changes[key] = doc;
            }
        }
        foreach (var key in before?.Keys ?? Enumerable.Empty<string>())
            if (!after.ContainsKey(key)) changes.TryAdd(key, null);
        return changes;
    }

    private static readonly JsonSerializerOptions Json = new();

    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;

    /// <summary>A document's fingerprint: its JSON (every stored field, and what the duplicated columns derive from), hashed.</summary>
    public static string Digest(object doc)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(4096);
        bytes.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(bytes))
            JsonSerializer.Serialize(writer, doc, doc.GetType(), Json);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes.WrittenSpan, hash);
        return Convert.ToBase64String(hash[..15]);
    }
}
