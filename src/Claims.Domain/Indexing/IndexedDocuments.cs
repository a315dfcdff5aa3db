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
/// changed. The documents are derived from the call's state before the batch (what is stored) and after it, and
/// compared by digest; only those that differ (or disappeared) are handed to the second stage, which then reads and
/// writes those alone. A claim on one topic touches that topic's row and entry, and a replay that reaches a call's
/// later corrections does not read every document of the call back to compare it. A call new to the index has no
/// documents yet: every document it has is written, and the second stage derives them (the three kinds side by side).
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

    /// <summary>The digest of every document the call has in this state, by <see cref="IndexedKind.Key"/>.</summary>
    public static Dictionary<string, string> DigestsOf(CallReconciliation call) => Compare(call, []).Digests;

    /// <summary>
    /// The documents of the call's state that differ from <paramref name="before"/> (its documents' digests as stored),
    /// by <see cref="IndexedKind.Key"/>, null for one to delete; and the digests of every document of this state, which
    /// are what is stored once the changes are written.
    /// </summary>
    public static (Dictionary<string, object?> Changes, Dictionary<string, string> Digests) Compare(CallReconciliation call, Dictionary<string, string> before)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            foreach (var id in kind.Ids(call))
            {
                var key = kind.Key(id);
                seen.Add(key);
                if (kind.Build(call, id) is not { } doc)
                {
                    if (before.ContainsKey(key)) changes[key] = null;
                    continue;
                }
                var digest = digests[key] = Digest(doc);
                if (!before.TryGetValue(key, out var stored) || stored != digest) changes[key] = doc;
            }
        }
        foreach (var key in before.Keys)
            if (!seen.Contains(key)) changes[key] = null;
        return (changes, digests);
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
