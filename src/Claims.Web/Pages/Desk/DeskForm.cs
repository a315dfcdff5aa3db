using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.Domain.Dossiers;
using Claims.Web.Features.Desk;
using Wolverine;

namespace Claims.Web.Pages.Desk;

/// <summary>
/// What the desk's page forms share: a form is written as the item's JSON, read by the dossier's own item reader, and
/// sent as the same command as the API's; problems come back named by field (<c>topic</c>, <c>quote.language</c>).
/// </summary>
public static class DeskForm
{
    public static JsonElement Json(JsonObject item) => JsonSerializer.SerializeToElement(item);

    /// <summary>Problems as the form names its fields: the item's JSON path without its leading <c>$.</c>.</summary>
    public static IReadOnlyList<Problem> OfTheForm(IEnumerable<Problem> problems) =>
        problems.Select(p => p with { Path = p.Path.StartsWith("$.", StringComparison.Ordinal) ? p.Path[2..] : p.Path }).ToList();

    /// <summary>
    /// Sends the form's item, read by the dossier's item reader, as its command (the API's own, through
    /// <see cref="DeskEndpoints.Send"/>): what refused it, as the form shows it; none when it was recorded.
    /// </summary>
    public static async Task<IReadOnlyList<Problem>> SendAsync<T>(
        IMessageBus bus, (T? Item, IReadOnlyList<Problem> Problems) reading, Func<T, object> command, CancellationToken ct) where T : class =>
        reading.Item is { } item ? Refusals(await DeskEndpoints.Send(bus, command(item), ct)) : OfTheForm(reading.Problems);

    private static IReadOnlyList<Problem> Refusals(DeskOutcome o) => OfTheForm([
        .. o.NotFound is { } missing ? [new Problem("$", missing)] : Array.Empty<Problem>(), .. o.Problems, .. o.Conflicts]);

    /// <summary>Sets a field when the form has a value for it: a blank field is an absent one.</summary>
    public static void Put(JsonObject item, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) item[name] = value;
    }

    /// <summary>Lines of a text area, trimmed, blank ones dropped.</summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
