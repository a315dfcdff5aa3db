using System.Text.Json;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Discrepancies;

namespace Claims.Web.Features.Alerts;

/// <summary>
/// A subscription as an editor sends it: <c>{ "url", "secret", "filter": { "topic", "verdict", "source", "side",
/// "from", "to", "q" }, "description" }</c>. The filter takes the discrepancy API's parameters, with the same rules.
/// </summary>
public sealed record SubscriptionRequest(Uri Url, string Secret, AlertFilter Filter, string? Description)
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 512;

    public static (SubscriptionRequest? Request, List<Problem> Problems) Read(JsonElement body)
    {
        var problems = new List<Problem>();
        if (JsonFields.Object(body, "$", problems, "url", "secret", "filter", "description") is not { } fields) return (null, problems);
        var url = fields.String("url", maxLength: WebhookAddresses.MaxUrlLength + 1);
        Uri? uri = null;
        if (url is not null && WebhookAddresses.Problem(url, out uri) is { } wrong) fields.Add("url", wrong);
        var secret = fields.String("secret", maxLength: MaxSecretLength);
        if (secret is { Length: < MinSecretLength })
            fields.Add("secret", $"is {secret.Length} characters long; a secret needs at least {MinSecretLength} (such as a random whsec_ key)");
        var description = fields.String("description", required: false, maxLength: 200);
        var filter = ReadFilter(fields, problems);
        return problems.Count > 0 ? (null, problems) : (new SubscriptionRequest(uri!, secret!, filter!, description), problems);
    }

    private static AlertFilter? ReadFilter(JsonFields fields, List<Problem> problems)
    {
        if (fields.Child("filter", required: false, "topic", "verdict", "source", "side", "from", "to", "q") is not { } filter)
            return problems.Count == 0 ? new AlertFilter() : null;
        var before = problems.Count;
        string? Text(string name) => filter.String(name, required: false, maxLength: DiscrepancyQuery.MaxTextLength + 1);
        var (topic, source, side, from, to, q) = (Text("topic"), Text("source"), Text("side"), Text("from"), Text("to"), Text("q"));
        string[]? verdicts = null;
        if (filter.Array("verdict", required: false) is { } list)
        {
            verdicts = list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).OfType<string>().ToArray();
            if (verdicts.Length != list.GetArrayLength()) filter.Add("verdict", "must be an array of strings (contradicted, omitted, divergent)");
        }
        if (problems.Count > before) return null;
        var (query, wrong) = DiscrepancyQuery.Parse(topic, verdicts, source, side, from, to, q, null, null);
        problems.AddRange(wrong.Select(p => p with { Path = p.Path.Replace("$.query.", $"{filter.Path}.", StringComparison.Ordinal) }));
        return query is null ? null : AlertFilter.Of(query);
    }
}
