using Claims.Domain.Indexing;

namespace Claims.Domain.Sources;

/// <summary>Second stage of the async index: each source's record of each call it has an account in.</summary>
public sealed class SourceRecordProjection() : CallIndexProjection<SourceRecord>(IndexedDocuments.SourceRecords);
