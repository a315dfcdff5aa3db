using System.Text.Json.Nodes;
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
    [InlineData("format", "claims-dossier/2", "$.format")]
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
