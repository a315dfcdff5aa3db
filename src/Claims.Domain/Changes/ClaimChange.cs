using System.Text.Json;
using Claims.Domain.Calls;
using Claims.Domain.Dossiers;
using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;

namespace Claims.Domain.Changes;

/// <summary>The outcome of asking to change a claim: the event to append, or why not.</summary>
public sealed record ChangeDecision(object? Event, IReadOnlyList<Problem> Problems, string? NotFound = null, string? Conflict = null)
{
    public static ChangeDecision Invalid(params Problem[] problems) => new(null, problems);
}

/// <summary>
/// Corrections and retractions (spec section 4). A correction names only what changes; absent fields keep their
/// value and <c>null</c> clears an optional one (speaker, quote, facet, reportedVia, relations). Both need a reason.
/// </summary>
public static class ClaimChange
{
    public const int ReasonMax = 2000;
    /// <summary>The body field naming the version a change was made against; the HTTP layer reads it (ExpectedVersion).</summary>
    public const string ExpectedVersionField = "expectedVersion";

    public static ChangeDecision Correct(CallReconciliation call, string claimId, JsonElement body)
    {
        if (Find(call, claimId) is { } missing) return missing;
        var claim = call.Claim(claimId)!;

        var problems = new List<Problem>();
        var fields = JsonFields.Object(body, "$", problems, ["reason", ExpectedVersionField, .. DossierReader.ContentFields]);
        if (fields is null) return ChangeDecision.Invalid([.. problems]);
        var reason = fields.String("reason", maxLength: ReasonMax);

        var current = claim.Content;
        var next = current with
        {
            Topic = Present(body, "topic") ? fields.Slug("topic") ?? current.Topic : current.Topic,
            Stance = Present(body, "stance") ? fields.OneOf("stance", Vocabulary.Stances) ?? current.Stance : current.Stance,
            Statement = Present(body, "statement") ? fields.String("statement", maxLength: DossierReader.StatementMax) ?? current.Statement : current.Statement,
            Speaker = Present(body, "speaker") ? fields.String("speaker", required: false, maxLength: 300) : current.Speaker,
            Quote = Present(body, "quote") ? DossierReader.ReadQuote(fields.Child("quote", false, DossierReader.QuoteFields)) : current.Quote,
            Facet = Present(body, "facet") ? DossierReader.ReadFacet(fields.Child("facet", false, DossierReader.FacetFields)) : current.Facet,
            ReportedVia = Present(body, "reportedVia")
                ? DossierReader.ReadReportedVia(fields.Child("reportedVia", false, DossierReader.ReportedViaFields))
                : current.ReportedVia,
            Relations = Present(body, "relations") ? DossierReader.ReadRelations(fields) : current.Relations,
        };

        // A quote (or the relay it stands in) that the correction changes must stand in its account's current text.
        if ((Present(body, "quote") || Present(body, "reportedVia")) && next.Quote is { } quote)
        {
            if (next.ReportedVia?.Account is { } relay && call.Account(relay) is null)
                problems.Add(new Problem("$.reportedVia.account", $"names account \"{relay}\", which call \"{call.Id}\" does not have"));
            else if (QuoteAnchoring.AccountFor(next, claim.AccountId, id => call.Account(id)?.CurrentText is not null,
                         url => call.Accounts.Find(a => a.Url == url)?.Id) is { } anchor
                     && QuoteAnchoring.Check(quote, anchor, call.Account(anchor)!.CurrentText!, "$.quote") is { } problem)
                problems.Add(problem);
        }
        foreach (var (relation, index) in (next.Relations ?? []).Select((r, i) => (r, i)))
            if (Present(body, "relations") && relation.Claim == $"{call.Id}/{claimId}")
                problems.Add(new Problem($"$.relations[{index}].claim", "names the claim itself"));
        if (problems.Count > 0) return ChangeDecision.Invalid([.. problems]);
        if (next == current)
            return ChangeDecision.Invalid(new Problem("$", "changes nothing: give at least one of topic, stance, statement, speaker, quote, facet, reportedVia, relations with a new value"));
        return new ChangeDecision(new ClaimCorrected(call.Id, claimId, next, reason!), []);
    }

    public static ChangeDecision Retract(CallReconciliation call, string claimId, JsonElement body)
    {
        if (Find(call, claimId) is { } missing) return missing;
        var problems = new List<Problem>();
        var reason = JsonFields.Object(body, "$", problems, "reason", ExpectedVersionField)?.String("reason", maxLength: ReasonMax);
        return problems.Count > 0
            ? ChangeDecision.Invalid([.. problems])
            : new ChangeDecision(new ClaimRetracted(call.Id, claimId, reason!), []);
    }

    private static ChangeDecision? Find(CallReconciliation call, string claimId) => call.Claim(claimId) switch
    {
        null => new ChangeDecision(null, [], NotFound: $"Call \"{call.Id}\" has no claim \"{claimId}\"."),
        { Retracted: true } => new ChangeDecision(null, [], Conflict: $"Claim \"{claimId}\" of call \"{call.Id}\" is retracted; it can no longer change."),
        _ => null
    };

    private static bool Present(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out _);
}
