using System.Security.Claims;
using Claims.Domain.Dossiers;
using Claims.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Claims.Web.Features.Import;

/// <summary>What an import did; <c>warnings</c> name what is odd but allowed, each by its JSON path.</summary>
public sealed record ImportResponse(string CallId, int Appended, int Unchanged, IReadOnlyList<Problem> Warnings);

public static class ImportDossierEndpoint
{
    /// <summary>POST /api/dossiers: a dossier as the body; 200 with what was appended, 400 listing every problem, 409 on a conflict.</summary>
    [WolverinePost("/api/dossiers")]
    [Authorize(Policy = EditorKey.Policy)]
    public static async Task<IResult> Post(HttpRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var reading = DossierReader.Read(body.GetBuffer().AsSpan(0, (int)body.Length));
        if (!reading.IsValid) return Problems.Invalid(reading.Problems, "The dossier was refused; nothing was imported.");

        ImportOutcome outcome;
        try
        {
            outcome = await bus.InvokeAsync<ImportOutcome>(ImportDossier.Of(reading, user.EditorName(), "http"), ct);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // Still losing after the retries: nothing was written, and the client may simply send it again.
            return Results.Problem("Other imports kept changing this call at the same moment; nothing was imported. Send the dossier again.",
                statusCode: StatusCodes.Status409Conflict, title: "Concurrent change");
        }
        return outcome switch
        {
            { Problems.Count: > 0 } => Problems.Invalid(outcome.Problems, "The dossier was refused; nothing was imported."),
            { Conflicts.Count: > 0 } => Problems.Conflict(outcome.Conflicts,
                "The dossier contradicts what is stored; nothing was imported. Change stored claims with a correction."),
            _ => Results.Ok(new ImportResponse(outcome.CallId, outcome.Appended, outcome.Unchanged, outcome.Warnings))
        };
    }
}
