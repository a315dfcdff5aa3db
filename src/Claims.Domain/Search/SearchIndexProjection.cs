using Claims.Domain.Discrepancies;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Claims.Domain.Search;

/// <summary>
/// Second stage of the async index, beside the discrepancy rows: each updated call state rewrites the search entry
/// of every claim and account of that call (deleting a retracted claim's).
/// </summary>
public sealed class SearchIndexProjection : MultiStreamProjection<SearchEntry, string>
{
    public SearchIndexProjection()
    {
        Identities<Updated<CallLedger>>(u => SearchEntry.IdsOf(u.Entity));
    }

    public override SearchEntry? Evolve(SearchEntry? entry, string id, IEvent e) => e.Data switch
    {
        Updated<CallLedger> updated => SearchEntry.Of(updated.Entity, id),
        _ => entry
    };
}
