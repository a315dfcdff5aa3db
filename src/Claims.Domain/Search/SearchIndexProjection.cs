using Claims.Domain.Indexing;

namespace Claims.Domain.Search;

/// <summary>
/// Second stage of the async index, beside the discrepancy rows: the search entry of every topic and account text of a
/// call (deleting a topic's once no live claim is on it).
/// </summary>
public sealed class SearchIndexProjection() : CallIndexProjection<SearchEntry>(IndexedDocuments.SearchEntries);
