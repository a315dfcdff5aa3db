using System.Text.Json;
using Claims.Domain.Calls;

namespace Claims.Domain.Dossiers;

/// <summary>The outcome of reading a dossier: the dossier when nothing is wrong, otherwise every problem found.</summary>
public sealed record DossierReading(Dossier? Dossier, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Dossier is not null && Problems.Count == 0;
}

/// <summary>
/// Reads a <c>claims-dossier/1</c> file and checks every rule of spec section 2 that the file alone can decide.
/// What needs the database (a source named but defined only in an earlier import, conflicts with stored ids)
/// is decided at import, by <see cref="DossierImport"/>.
/// </summary>
public static class DossierReader
{
    public const int StatementMax = 2000;
    public const int QuoteMax = 4000;
    private const int NameMax = 300;

    public static DossierReading Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return new DossierReading(null, [new Problem(e.Path ?? "$",
                $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")]);
        }
    }

    public static DossierReading Read(JsonElement root)
    {
        var problems = new List<Problem>();
        var file = JsonFields.Object(root, "$", problems, "format", "call", "sources", "accounts", "claims");
        if (file is null) return new DossierReading(null, problems);

        var format = file.String("format");
        if (format is not null && format != Vocabulary.Format)
            file.Add("format", $"must be exactly \"{Vocabulary.Format}\", not \"{format}\"");

        var call = ReadCall(file.Child("call", true, "id", "title", "kind", "date", "participants"), problems);
        var sources = ReadList(file, "sources", problems, SourceFields, ReadSource);
        var accounts = ReadList(file, "accounts", problems, AccountFields, ReadAccount);
        var claims = ReadList(file, "claims", problems, ClaimFields, ReadClaim);

        Unique(sources, "sources", problems);
        Unique(accounts, "accounts", problems);
        Unique(claims, "claims", problems);

        // Ids as written, even of accounts that have other problems, so their claims are not also reported as orphans.
        var accountIds = accounts.Select(a => a.Id).OfType<string>().ToHashSet();
        foreach (var (claim, path, _) in claims)
        {
            if (claim is not null && !accountIds.Contains(claim.Account))
                problems.Add(new Problem($"{path}.account", $"names account \"{claim.Account}\", which is not among this file's accounts"));
        }

        if (problems.Count > 0 || call is null) return new DossierReading(null, problems);
        return new DossierReading(
            new Dossier(call, Items(sources), Items(accounts), Items(claims)), problems);
    }

    private static DossierCall? ReadCall(JsonFields? call, List<Problem> problems)
    {
        if (call is null) return null;
        var id = call.Slug("id");
        var title = call.String("title", maxLength: NameMax);
        var kind = call.OneOf("kind", Vocabulary.CallKinds);
        var date = call.Date("date");
        var participants = new List<Participant>();
        if (call.Array("participants") is { } array)
        {
            if (array.GetArrayLength() == 0) call.Add("participants", "must name at least one participant");
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var fields = JsonFields.Object(element, $"{call.At("participants")}[{index++}]", problems, "name", "side");
                if (fields is null) continue;
                var name = fields.String("name", maxLength: NameMax);
                var side = fields.Side("side");
                if (name is not null && side is not null) participants.Add(new Participant(name, side));
            }
        }
        return id is null || title is null || kind is null || date is null
            ? null
            : new DossierCall(id, title, kind, date.Value, participants);
    }

    private static DossierSource? ReadSource(JsonFields f)
    {
        var id = f.Slug("id");
        var name = f.String("name", maxLength: NameMax);
        var side = f.Side("side");
        var kind = f.OneOf("kind", Vocabulary.SourceKinds);
        return id is null || name is null || side is null || kind is null ? null : new DossierSource(id, name, side, kind);
    }

    private static DossierAccount? ReadAccount(JsonFields f)
    {
        var id = f.Slug("id");
        var source = f.Slug("source");
        var kind = f.OneOf("kind", Vocabulary.AccountKinds);
        var publishedAt = f.Instant("publishedAt");
        var language = f.Language("language");
        var url = f.Url("url");
        var title = f.String("title", required: false, maxLength: NameMax);
        return id is null || source is null || kind is null || publishedAt is null
            ? null
            : new DossierAccount(id, source, kind, publishedAt.Value, language, url, title);
    }

    private static DossierClaim? ReadClaim(JsonFields f)
    {
        var id = f.Slug("id");
        var account = f.Slug("account");
        var content = ReadContent(f, required: true);
        return id is null || account is null || content is null ? null : new DossierClaim(id, account, content);
    }

    /// <summary>The fields a claim and a correction share.</summary>
    public static readonly string[] ContentFields = ["topic", "stance", "statement", "speaker", "quote", "facet", "reportedVia"];

    public static ClaimContent? ReadContent(JsonFields f, bool required)
    {
        var topic = f.Slug("topic", required);
        var stance = f.OneOf("stance", Vocabulary.Stances, required);
        var statement = f.String("statement", required, StatementMax);
        var speaker = f.String("speaker", required: false, maxLength: NameMax);
        var quote = ReadQuote(f.Child("quote", false, "text", "language", "translation"));
        var facet = ReadFacet(f.Child("facet", false, "key", "value"));
        var via = ReadReportedVia(f.Child("reportedVia", false, "outlet", "url", "publishedAt"));
        if (topic is null || stance is null || statement is null) return null;
        return new ClaimContent(topic, stance, statement, speaker, quote, facet, via);
    }

    public static Quote? ReadQuote(JsonFields? f)
    {
        if (f is null) return null;
        var text = f.String("text", maxLength: QuoteMax);
        var language = f.Language("language");
        var translation = f.String("translation", required: false, maxLength: QuoteMax);
        return text is null ? null : new Quote(text, language, translation);
    }

    public static Facet? ReadFacet(JsonFields? f)
    {
        if (f is null) return null;
        var key = f.Slug("key");
        var value = f.String("value", maxLength: NameMax);
        return key is null || value is null ? null : new Facet(key, value);
    }

    public static ReportedVia? ReadReportedVia(JsonFields? f)
    {
        if (f is null) return null;
        var outlet = f.String("outlet", maxLength: NameMax);
        var url = f.Url("url");
        var publishedAt = f.Instant("publishedAt", required: false);
        return outlet is null ? null : new ReportedVia(outlet, url, publishedAt);
    }

    private static readonly string[] SourceFields = ["id", "name", "side", "kind"];
    private static readonly string[] AccountFields = ["id", "source", "kind", "publishedAt", "language", "url", "title"];
    private static readonly string[] ClaimFields = ["id", "account", .. ContentFields];

    private static List<(T? Item, string Path, string? Id)> ReadList<T>(
        JsonFields file, string name, List<Problem> problems, string[] known, Func<JsonFields, T?> read) where T : class
    {
        var list = new List<(T?, string, string?)>();
        if (file.Array(name, required: false) is not { } array) return list;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"{file.At(name)}[{index++}]";
            var fields = JsonFields.Object(element, path, problems, known);
            var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var raw) && raw.ValueKind == JsonValueKind.String
                ? raw.GetString()
                : null;
            list.Add((fields is null ? null : read(fields), path, id));
        }
        return list;
    }

    private static void Unique<T>(List<(T? Item, string Path, string? Id)> items, string name, List<Problem> problems)
    {
        var first = new Dictionary<string, string>();
        foreach (var item in items)
        {
            if (item.Id is not { } key) continue;
            if (first.TryGetValue(key, out var earlier))
                problems.Add(new Problem($"{item.Path}.id", $"\"{key}\" is already the id of {earlier}; {name} ids must be unique"));
            else
                first[key] = item.Path;
        }
    }

    private static IReadOnlyList<T> Items<T>(List<(T? Item, string Path, string? Id)> items) where T : class =>
        items.Select(i => i.Item!).ToList();

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
