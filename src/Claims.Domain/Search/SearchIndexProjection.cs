using Claims.Domain.Discrepancies;
using Claims.Domain.Indexing;
using JasperFx.Events;

namespace Claims.Domain.Search;

/// <summary>
/// Second stage of the async index, beside the discrepancy rows: each updated call state rewrites the search entry
/// of every claim and account of that call (deleting a retracted claim's).
/// </summary>
public sealed class SearchIndexProjection : CallIndexProjection<SearchEntry>
{
    public SearchIndexProjection()
    {
        Identities<Updated<CallLedger>>(u => SearchEntry.IdsOf(u.Entity));
    }

    protected override SearchEntry? Build(CallLedger call, string id) => SearchEntry.Of(call, id);
}
