using System.Text.Json.Nodes;
using Claims.Domain.Calls;
using Claims.Domain.Dossiers;

namespace Claims.Tests.Rules;

/// <summary>Each rule of spec section 2, broken one at a time, is refused with its JSON path.</summary>
public class DossierReaderTests
{
    private static IReadOnlyList<Problem> Problems(Action<JsonObject> breakIt)
    {
        var dossier = Dossiers.Minimal("reader-call");
        breakIt(dossier);
        var reading = DossierReader.Read(dossier.ToJsonString());
        reading.IsValid.ShouldBeFalse();
        reading.Dossier.ShouldBeNull();
        return reading.Problems;
    }

    private static DossierReading ReadChanged(string callId, Action<JsonObject> change)
    {
        var dossier = Dossiers.Minimal(callId);
        change(dossier);
        return DossierReader.Read(dossier.ToJsonString());
    }

    /// <summary>The import's decision on a new database: where the checks that need stored texts are made (quotes in texts).</summary>
    private static ImportDecision Decide(DossierReading reading) =>
        DossierImport.Decide(reading.Dossier!, null, new Dictionary<string, Claims.Domain.Sources.SourceProfile>());

    private static void ShouldName(IReadOnlyList<Problem> problems, string path) =>
        problems.Select(p => p.Path).ShouldContain(path, string.Join("\n", problems));

    [Fact]
    public void a_valid_dossier_reads_whole()
    {
        var reading = DossierReader.Read(Dossiers.Minimal("reader-call").ToJsonString());
        reading.Problems.ShouldBeEmpty();
        var dossier = reading.Dossier!;
        dossier.Call.Id.ShouldBe("reader-call");
        dossier.Accounts[0].PublishedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        dossier.Claims[0].Content.Quote!.Translation.ShouldBe("the Taiwan question");
        dossier.Claims[1].Content.Facet!.Value.ShouldBe("60");
    }

    [Theory]
    [InlineData("format", "claims-dossier/3", "$.format")]
    [InlineData("call.id", "Not A Slug", "$.call.id")]
    [InlineData("call.id", "trailing-", "$.call.id")]
    [InlineData("call.kind", "dinner", "$.call.kind")]
    [InlineData("call.date", "24 November 2025", "$.call.date")]
    [InlineData("call.date", "2025-02-30", "$.call.date")]
    [InlineData("sources.0.kind", "blog", "$.sources[0].kind")]
    [InlineData("sources.1.side", "usa", "$.sources[1].side")]
    [InlineData("sources.1.id", "white_house", "$.sources[1].id")]
    [InlineData("accounts.0.kind", "tweet", "$.accounts[0].kind")]
    [InlineData("accounts.0.publishedAt", "2025-11-24T21:00:00", "$.accounts[0].publishedAt")]
    [InlineData("accounts.0.publishedAt", "yesterday", "$.accounts[0].publishedAt")]
    [InlineData("accounts.0.url", "javascript:alert(1)", "$.accounts[0].url")]
    [InlineData("accounts.0.language", "chinese!", "$.accounts[0].language")]
    [InlineData("claims.0.stance", "maybe", "$.claims[0].stance")]
    [InlineData("claims.0.topic", "Taiwan", "$.claims[0].topic")]
    [InlineData("claims.0.statement", "", "$.claims[0].statement")]
    [InlineData("claims.0.account", "nowhere", "$.claims[0].account")]
    [InlineData("claims.1.facet.key", "Duration Minutes", "$.claims[1].facet.key")]
    // .NET's $ matches before a final line break: each pattern must not let one through.
    [InlineData("sources.1.id", "t-us\n", "$.sources[1].id")]
    [InlineData("call.id", "reader-call\n", "$.call.id")]
    [InlineData("sources.1.side", "US\n", "$.sources[1].side")]
    [InlineData("accounts.0.language", "zh\n", "$.accounts[0].language")]
    [InlineData("accounts.0.publishedAt", "2025-11-24T21:00:00+08:00\n", "$.accounts[0].publishedAt")]
    [InlineData("call.date", "2025-11-24\n", "$.call.date")]
    [InlineData("claims.0.topic", "taiwan\n", "$.claims[0].topic")]
    [InlineData("claims.0.statement", "Xi raised\u0000 Taiwan.", "$.claims[0].statement")]
    [InlineData("call.title", "\u0000", "$.call.title")]
    [InlineData("accounts.0.timePrecision", "second", "$.accounts[0].timePrecision")]
    [InlineData("claims.0.quote.kind", "quotation", "$.claims[0].quote.kind")]
    [InlineData("sources.0.kind", "academic", "$.sources[0].kind")]
    public void a_broken_field_is_named_by_its_path(string field, string value, string path)
    {
        ShouldName(Problems(d => Set(d, field, value)), path);
    }

    [Theory]
    [InlineData("format", "$.format")]
    [InlineData("call", "$.call")]
    [InlineData("call.title", "$.call.title")]
    [InlineData("call.participants", "$.call.participants")]
    [InlineData("sources.0.name", "$.sources[0].name")]
    [InlineData("accounts.1.publishedAt", "$.accounts[1].publishedAt")]
    [InlineData("accounts.1.source", "$.accounts[1].source")]
    [InlineData("claims.1.statement", "$.claims[1].statement")]
    [InlineData("claims.1.stance", "$.claims[1].stance")]
    [InlineData("claims.0.quote.text", "$.claims[0].quote.text")]
    public void a_missing_required_field_is_named(string field, string path)
    {
        ShouldName(Problems(d => Remove(d, field)), path);
    }

    [Fact]
    public void a_lone_surrogate_is_refused_by_its_path()
    {
        var json = Dossiers.Minimal("reader-call").ToJsonString().Replace("Xi raised Taiwan.", "Xi raised \\ud800 Taiwan.");
        var reading = DossierReader.Read(json);
        ShouldName(reading.Problems, "$.claims[0].statement");
        reading.Problems.Single().Message.ShouldContain("lone surrogate");
    }

    [Fact]
    public void version_2_fields_are_read()
    {
        var reading = ReadChanged("reader-v2", d =>
        {
            d["call"]!["related"] = new JsonArray(new JsonObject { ["call"] = "other-call", ["relation"] = "followed-by" });
            d["format"] = "claims-dossier/2";
            d["sources"]![0]!["kind"] = "unnamed-official";
            d["accounts"]![0]!["timePrecision"] = "day";
            d["accounts"]![0]!["text"] = new JsonObject
            {
                ["original"] = "习近平强调，台湾问题是中美关系中最重要的问题。",
                ["translations"] = new JsonArray(new JsonObject { ["language"] = "en", ["text"] = "Xi stressed the Taiwan question.", ["by"] = "Xinhua" })
            };
            d["accounts"]![0]!["archive"] = new JsonObject { ["url"] = "https://web.archive.org/x", ["capturedAt"] = "2025-11-24T14:05:00Z" };
            d["claims"]![0]!["quote"]!["kind"] = "verbatim";
            d["claims"]![0]!["quote"]!["translatedBy"] = "Claims editors";
            d["claims"]![1]!["relations"] = new JsonArray(new JsonObject { ["claim"] = "reader-v2/cn-taiwan", ["relation"] = "responds-to" });
        });
        reading.Problems.ShouldBeEmpty();
        var dossier = reading.Dossier!;
        dossier.Call.Related!.Single().ShouldBe(new RelatedCall("other-call", "followed-by"));
        dossier.Accounts[0].TimePrecision.ShouldBe("day");
        dossier.Accounts[0].Text!.Sha256.Length.ShouldBe(64);
        dossier.Accounts[0].Archive!.CapturedAt.ShouldBe(new DateTimeOffset(2025, 11, 24, 14, 5, 0, TimeSpan.Zero));
        dossier.Claims[0].Content.Quote!.Kind.ShouldBeNull();   // verbatim is the default, stored as no value
        dossier.Claims[1].Content.Relations!.Single().Claim.ShouldBe("reader-v2/cn-taiwan");
        reading.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void a_verbatim_quote_must_stand_in_its_accounts_text_and_the_nearest_passage_is_named()
    {
        var reading = ReadChanged("reader-text", d =>
        {
            d["accounts"]![0]!["text"] = new JsonObject { ["original"] = "习近平强调，台湾问题是中美关系中最重要的问题。" };
            d["claims"]![0]!["quote"]!["text"] = "台湾问提是中美关系";
        });
        reading.Problems.ShouldBeEmpty();   // the file alone cannot tell: a stored version of the text may hold it
        var decision = Decide(reading);
        ShouldName(decision.Problems, "$.claims[0].quote.text");
        decision.Problems.Single().Message.ShouldContain("台湾问题是中美关系");
    }

    [Fact]
    public void a_quote_is_found_after_nfkc_and_white_space_folding()
    {
        var reading = ReadChanged("reader-fold", d =>
        {
            d["accounts"]![0]!["text"] = new JsonObject { ["original"] = "The two sides\n  agreed on ＡＩ safety." };
            d["claims"]![0]!["quote"]!["text"] = "sides agreed on AI";
        });
        Decide(reading).Problems.ShouldBeEmpty();
    }

    [Fact]
    public void odd_but_allowed_things_are_warnings_with_their_paths()
    {
        var reading = ReadChanged("reader-warn", d =>
        {
            d["accounts"]![1]!["publishedAt"] = "2025-11-20T10:00:00-05:00";   // four days before the call
            d["claims"]![0]!["reportedVia"] = new JsonObject { ["outlet"] = "Bloomberg", ["publishedAt"] = "2025-11-24T20:00:00+08:00" };
        });
        reading.IsValid.ShouldBeTrue();
        reading.Warnings.Select(w => w.Path).Order().ShouldBe(["$.accounts[1].publishedAt", "$.claims[0].reportedVia.publishedAt"]);
        Decide(reading).Warnings!.Select(w => w.Path).ShouldBe(["$.claims[0].quote"]);   // a verbatim quote with no text anywhere
    }

    [Fact]
    public void statements_and_quotes_have_length_limits()
    {
        var problems = Problems(d =>
        {
            Set(d, "claims.0.statement", new string('x', 2001));
            Set(d, "claims.0.quote.text", new string('字', 4001));
        });
        ShouldName(problems, "$.claims[0].statement");
        ShouldName(problems, "$.claims[0].quote.text");
    }

    [Fact]
    public void ids_longer_than_100_characters_are_refused()
    {
        ShouldName(Problems(d => Set(d, "claims.0.id", new string('a', 101))), "$.claims[0].id");
    }

    [Fact]
    public void duplicate_ids_are_refused()
    {
        var problems = Problems(d =>
        {
            Set(d, "claims.1.id", "cn-taiwan");
            Set(d, "accounts.1.id", "cn-readout");
            Set(d, "sources.1.id", "t-cn");
        });
        ShouldName(problems, "$.claims[1].id");
        ShouldName(problems, "$.accounts[1].id");
        ShouldName(problems, "$.sources[1].id");
    }

    [Fact]
    public void claims_of_an_account_with_another_problem_are_not_called_orphans()
    {
        var problems = Problems(d => Set(d, "accounts.0.publishedAt", "yesterday"));
        problems.Select(p => p.Path).ShouldBe(["$.accounts[0].publishedAt"]);
    }

    [Fact]
    public void participants_must_not_be_empty()
    {
        ShouldName(Problems(d => d["call"]!["participants"] = new JsonArray()), "$.call.participants");
    }

    [Fact]
    public void a_wrong_type_and_an_unknown_field_are_named()
    {
        var problems = Problems(d =>
        {
            d["claims"]![0]!["stance"] = 3;
            d["claims"]![1]!["stances"] = "asserted";
            d["accounts"] = new JsonObject();
        });
        ShouldName(problems, "$.claims[0].stance");
        ShouldName(problems, "$.claims[1].stances");
        ShouldName(problems, "$.accounts");
    }

    [Fact]
    public void every_problem_is_listed_not_just_the_first()
    {
        var problems = Problems(d =>
        {
            Set(d, "format", "nope");
            Set(d, "call.kind", "dinner");
            Set(d, "claims.0.stance", "maybe");
            Set(d, "claims.1.topic", "NOT OK");
        });
        problems.Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void broken_json_is_one_problem_with_its_place()
    {
        var reading = DossierReader.Read("{\"format\": \"claims-dossier/1\", \"call\": {");
        reading.IsValid.ShouldBeFalse();
        reading.Problems.Single().Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void a_json_array_is_not_a_dossier()
    {
        DossierReader.Read("[]").Problems.Single().Path.ShouldBe("$");
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key) = Walk(root, path);
        if (parent is JsonArray array) array[int.Parse(key)] = value;
        else parent.AsObject()[key] = value;
    }

    private static void Set(JsonObject root, string path, string value) => Set(root, path, JsonValue.Create(value));

    private static void Remove(JsonObject root, string path)
    {
        var (parent, key) = Walk(root, path);
        parent.AsObject().Remove(key);
    }

    private static (JsonNode Parent, string Key) Walk(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1]) node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        return (node, parts[^1]);
    }
}
