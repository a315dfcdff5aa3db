using System.Text.Json;
using Claims.Domain.Calls;
using Claims.Domain.Texts;

namespace Claims.Domain.Dossiers;

/// <summary>
/// The outcome of reading a dossier: the dossier when nothing is wrong, otherwise every problem found; and the
/// warnings, which do not refuse it (spec section 2).
/// </summary>
public sealed record DossierReading(Dossier? Dossier, IReadOnlyList<Problem> Problems, IReadOnlyList<Problem> Warnings)
{
    public bool IsValid => Dossier is not null && Problems.Count == 0;
}

/// <summary>
/// Reads a <c>claims-dossier/2</c> (or <c>/1</c>) file and checks every rule of spec section 2 that the file alone
/// can decide. What needs the database (a source named but defined only in an earlier import, conflicts with stored
/// ids, whether a quote stands in its account's text, stored versions included) is decided at import, by
/// <see cref="DossierImport"/>. Version 1 files are version 2 files without the new
/// fields, so one reader serves both.
/// </summary>
public static class DossierReader
{
    public const int StatementMax = 2000;
    public const int QuoteMax = 4000;
    public const int TextMax = 200_000;
    private const int NameMax = 300;

    /// <summary>
    /// Reads a dossier from its bytes as strict UTF-8 (a byte-order mark is allowed): an invalid byte is a problem
    /// with its position, never silently replaced with U+FFFD.
    /// </summary>
    public static DossierReading Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        string json;
        try
        {
            json = StrictUtf8.GetString(utf8);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            return new DossierReading(null, [new Problem("$", $"is not valid UTF-8 (byte {e.Index + 1} of the file); save it as UTF-8")], []);
        }
        return Read(json);
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
                $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")], []);
        }
    }

    public static DossierReading Read(JsonElement root)
    {
        var problems = new List<Problem>();
        var file = JsonFields.Object(root, "$", problems, "format", "call", "sources", "accounts", "claims");
        if (file is null) return new DossierReading(null, problems, []);

        var format = file.String("format");
        if (format is not null && !Vocabulary.Formats.Contains(format))
            file.Add("format", $"must be \"{Vocabulary.Format}\" (or \"{Vocabulary.FormatV1}\"), not \"{JsonFields.Clip(format)}\"");

        var call = ReadCall(file.Child("call", true, CallFields), problems);
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
            if (claim?.Content.ReportedVia?.Account is { } relay && relay == claim.Account)
                problems.Add(new Problem($"{path}.reportedVia.account",
                    $"names the claim's own account \"{relay}\"; it names the outlet's article that relayed the claim, an account of its own"));
        }
        var byId = accounts.Where(a => a.Item is not null).DistinctBy(a => a.Id).ToDictionary(a => a.Id!, a => (a.Item!, a.Path));
        foreach (var (claim, path, _) in claims)
        {
            foreach (var (relation, r) in (claim?.Content.Relations ?? []).Select((x, i) => (x, i)))
                if (call is not null && relation.Claim == $"{call.Id}/{claim!.Id}")
                    problems.Add(new Problem($"{path}.relations[{r}].claim", "names the claim itself"));
        }

        if (problems.Count > 0 || call is null) return new DossierReading(null, problems, []);
        var dossier = new Dossier(call, Items(sources), Items(accounts), Items(claims));
        return new DossierReading(dossier, problems, Warnings(call, claims, byId));
    }

    /// <summary>What is odd but allowed: a relay before the account it relays, an account long before the call. (A
    /// verbatim quote with no text to check it against is found at import, where stored texts count too.)</summary>
    private static List<Problem> Warnings(DossierCall call, List<(DossierClaim? Item, string Path, string? Id)> claims,
        Dictionary<string, (DossierAccount Account, string Path)> accounts)
    {
        var warnings = new List<Problem>();
        foreach (var (account, path) in accounts.Values)
        {
            if (DateOnly.FromDateTime(account.PublishedAt.DateTime) < call.Date.AddDays(-1))
                warnings.Add(new Problem($"{path}.publishedAt",
                    $"is more than a day before the call's date ({call.Date:yyyy-MM-dd}); check the date, or whether the account is about this call"));
        }
        var claimIds = claims.Select(c => c.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (claim, path, _) in claims)
        {
            var account = accounts[claim!.Account].Account;
            foreach (var (relation, r) in (claim.Content.Relations ?? []).Select((x, i) => (x, i)))
                if (relation.Claim.StartsWith(call.Id + "/", StringComparison.Ordinal) && !claimIds.Contains(relation.Claim[(call.Id.Length + 1)..]))
                    warnings.Add(new Problem($"{path}.relations[{r}].claim",
                        $"names a claim of this call that is not in this file; unless it is stored already (or was retracted), the link leads nowhere"));
            if (claim.Content.ReportedVia?.PublishedAt is { } relayed && relayed < account.PublishedAt)
                warnings.Add(new Problem($"{path}.reportedVia.publishedAt",
                    $"is earlier than the publication of account \"{account.Id}\" ({Instants.Format(account.PublishedAt)}) that it relays"));
        }
        return warnings;
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
        List<RelatedCall>? related = null;
        if (call.Array("related", required: false) is { } links)
        {
            related = [];
            var index = 0;
            foreach (var element in links.EnumerateArray())
            {
                var fields = JsonFields.Object(element, $"{call.At("related")}[{index++}]", problems, "call", "relation");
                if (fields is null) continue;
                var other = fields.Slug("call");
                var relation = fields.OneOf("relation", Vocabulary.CallRelations);
                if (other is not null && other == id) fields.Add("call", "names this call itself");
                else if (other is not null && relation is not null) related.Add(new RelatedCall(other, relation));
            }
        }
        return id is null || title is null || kind is null || date is null
            ? null
            : new DossierCall(id, title, kind, date.Value, participants, related is { Count: > 0 } ? related : null);
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
        var precision = f.OneOf("timePrecision", TimePrecision.All, required: false);
        var language = f.Language("language");
        var url = f.Url("url");
        var title = f.String("title", required: false, maxLength: NameMax);
        var text = ReadText(f.Child("text", false, TextFields));
        var archive = ReadArchive(f.Child("archive", false, "url", "capturedAt"));
        var revisions = ReadRevisions(f, publishedAt);
        return id is null || source is null || kind is null || publishedAt is null
            ? null
            : new DossierAccount(id, source, kind, publishedAt.Value, language, url, title,
                precision == TimePrecision.Minute ? null : precision, text, archive, revisions);
    }

    public static readonly string[] TextFields = ["original", "excerpt", "translations"];
    private static readonly string[] RevisionFields = ["text", "publishedAt", "timePrecision", "reason"];
    public const int ReasonMax = 2000;

    /// <summary>
    /// <c>accounts[].revisions</c>: later versions of the text, oldest first, each published no earlier than the one
    /// before it (as-of views pick the version published at an instant).
    /// </summary>
    private static IReadOnlyList<DossierRevision>? ReadRevisions(JsonFields f, DateTimeOffset? accountPublishedAt)
    {
        if (f.Array("revisions", required: false) is not { } array) return null;
        var revisions = new List<DossierRevision>();
        var previous = accountPublishedAt;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var r = JsonFields.Object(element, $"{f.At("revisions")}[{index++}]", f.Problems, RevisionFields);
            if (r is null) continue;
            var text = ReadText(r.Child("text", true, TextFields));
            var publishedAt = r.Instant("publishedAt");
            var precision = r.OneOf("timePrecision", TimePrecision.All, required: false);
            var reason = r.String("reason", maxLength: ReasonMax);
            if (publishedAt is { } at && previous is { } before && at < before)
                r.Add("publishedAt", $"is earlier than the version before it ({Instants.Format(before)}); revisions are listed oldest first");
            previous = publishedAt ?? previous;
            if (text is not null && publishedAt is not null && reason is not null)
                revisions.Add(new DossierRevision(text, publishedAt.Value, precision == TimePrecision.Minute ? null : precision, reason));
        }
        return revisions.Count > 0 ? revisions : null;
    }

    public static AccountText? ReadText(JsonFields? f)
    {
        if (f is null) return null;
        var original = f.String("original", maxLength: TextMax);
        var excerpt = f.Boolean("excerpt") ?? false;
        var translations = new List<TextTranslation>();
        if (f.Array("translations", required: false) is { } array)
        {
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var t = JsonFields.Object(element, $"{f.At("translations")}[{index++}]", f.Problems, "language", "text", "by");
                if (t is null) continue;
                var language = t.Language("language", required: true);
                var text = t.String("text", maxLength: TextMax);
                var by = t.String("by", maxLength: NameMax);
                if (language is not null && text is not null && by is not null) translations.Add(new TextTranslation(language, text, by));
            }
        }
        return original is null ? null : new AccountText(original, excerpt, translations, TextAnchor.Sha256(original));
    }

    private static ArchiveCopy? ReadArchive(JsonFields? f)
    {
        if (f is null) return null;
        var url = f.Url("url", required: true);
        var capturedAt = f.Instant("capturedAt");
        return url is null || capturedAt is null ? null : new ArchiveCopy(url, capturedAt.Value);
    }

    private static DossierClaim? ReadClaim(JsonFields f)
    {
        var id = f.Slug("id");
        var account = f.Slug("account");
        var content = ReadContent(f, required: true);
        return id is null || account is null || content is null ? null : new DossierClaim(id, account, content);
    }

    /// <summary>The fields a claim and a correction share.</summary>
    public static readonly string[] ContentFields = ["topic", "stance", "statement", "speaker", "quote", "facet", "reportedVia", "relations"];
    public static readonly string[] QuoteFields = ["text", "language", "kind", "translation", "translatedBy"];
    public static readonly string[] FacetFields = ["key", "value"];
    public static readonly string[] ReportedViaFields = ["outlet", "title", "url", "publishedAt", "account"];

    public static ClaimContent? ReadContent(JsonFields f, bool required)
    {
        var topic = f.Slug("topic", required);
        var stance = f.OneOf("stance", Vocabulary.Stances, required);
        var statement = f.String("statement", required, StatementMax);
        var speaker = f.String("speaker", required: false, maxLength: NameMax);
        var quote = ReadQuote(f.Child("quote", false, QuoteFields));
        var facet = ReadFacet(f.Child("facet", false, FacetFields));
        var via = ReadReportedVia(f.Child("reportedVia", false, ReportedViaFields));
        var relations = ReadRelations(f);
        if (topic is null || stance is null || statement is null) return null;
        return new ClaimContent(topic, stance, statement, speaker, quote, facet, via, relations);
    }

    public static Quote? ReadQuote(JsonFields? f)
    {
        if (f is null) return null;
        var text = f.String("text", maxLength: QuoteMax);
        var language = f.Language("language");
        var kind = f.OneOf("kind", QuoteKind.All, required: false);
        var translation = f.String("translation", required: false, maxLength: QuoteMax);
        var translatedBy = f.String("translatedBy", required: false, maxLength: NameMax);
        return text is null ? null : new Quote(text, language, translation, kind == QuoteKind.Verbatim ? null : kind, translatedBy);
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
        var title = f.String("title", required: false, maxLength: NameMax);
        var url = f.Url("url");
        var publishedAt = f.Instant("publishedAt", required: false);
        var account = f.Slug("account", required: false);
        return outlet is null ? null : new ReportedVia(outlet, url, publishedAt, title, account);
    }

    public static IReadOnlyList<ClaimRelation>? ReadRelations(JsonFields f)
    {
        if (f.Array("relations", required: false) is not { } array) return null;
        var relations = new List<ClaimRelation>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var r = JsonFields.Object(element, $"{f.At("relations")}[{index++}]", f.Problems, "claim", "relation");
            if (r is null) continue;
            var claim = r.ClaimReference("claim");
            var relation = r.OneOf("relation", Vocabulary.ClaimRelations);
            if (claim is not null && relation is not null) relations.Add(new ClaimRelation(claim, relation));
        }
        return relations.Count > 0 ? relations : null;
    }

    private static readonly string[] CallFields = ["id", "title", "kind", "date", "participants", "related"];
    private static readonly string[] SourceFields = ["id", "name", "side", "kind"];
    private static readonly string[] AccountFields = ["id", "source", "kind", "publishedAt", "timePrecision", "language", "url", "title", "text", "archive", "revisions"];
    private static readonly string[] ClaimFields = ["id", "account", .. ContentFields];

    // One item sent alone (the desk's commands: a call, a source, an account, a claim), its fields named from "$".
    // The rules are the dossier's own; what needs the stored call is decided by DossierItemImport.
    public static (DossierCall? Call, IReadOnlyList<Problem> Problems) ReadCallItem(JsonElement root, params string[] extra) =>
        Item(root, [.. CallFields, .. extra], f => ReadCall(f, f.Problems));
    public static (DossierSource? Source, IReadOnlyList<Problem> Problems) ReadSourceItem(JsonElement root, params string[] extra) =>
        Item(root, [.. SourceFields, .. extra], ReadSource);
    public static (DossierAccount? Account, IReadOnlyList<Problem> Problems) ReadAccountItem(JsonElement root, params string[] extra) =>
        Item(root, [.. AccountFields, .. extra], ReadAccount);
    public static (DossierClaim? Claim, IReadOnlyList<Problem> Problems) ReadClaimItem(JsonElement root, params string[] extra) =>
        Item(root, [.. ClaimFields, .. extra], ReadClaim);

    private static (T?, IReadOnlyList<Problem>) Item<T>(JsonElement root, string[] known, Func<JsonFields, T?> read) where T : class
    {
        var problems = new List<Problem>();
        var item = JsonFields.Object(root, "$", problems, known) is { } fields ? read(fields) : null;
        return (problems.Count > 0 ? null : item, problems);
    }

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
                ? TryString(raw)
                : null;
            list.Add((fields is null ? null : read(fields), path, id));
        }
        return list;
    }

    private static string? TryString(JsonElement value)
    {
        try { return value.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    private static void Unique<T>(List<(T? Item, string Path, string? Id)> items, string name, List<Problem> problems)
    {
        var first = new Dictionary<string, string>();
        foreach (var item in items)
        {
            if (item.Id is not { } key) continue;
            if (first.TryGetValue(key, out var earlier))
                problems.Add(new Problem($"{item.Path}.id", $"\"{JsonFields.Clip(key)}\" is already the id of {earlier}; {name} ids must be unique"));
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
