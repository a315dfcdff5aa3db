using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Marten;
using Wolverine.Http;

namespace Claims.Web.Features.Calls;

public static class ExportDossierEndpoint
{
    /// <summary>GET /api/calls/{id}/dossier: the call as a claims-dossier/2 file, as it stands now.</summary>
    [WolverineGet("/api/calls/{id}/dossier")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CallReconciliation>(id, ct) is { Call: not null } call
            ? Results.Text(DossierExport.ToJson(call).ToJsonString(Json.Indented), "application/json; charset=utf-8")
            : Problems.NotFound($"No call \"{id}\".");
}
