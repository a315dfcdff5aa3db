using System.Text.Json.Nodes;
using Claims.Domain.Dossiers;
using Claims.Domain.Texts;

namespace Claims.Tests.Rules;

/// <summary>Readouts' texts as evidence: folding for search, topic labels, diffs, and quotes relayed by an outlet's article.</summary>
public class TextEvidenceTests
{
    [Theory]
    [InlineData("臺灣", "台湾")]
    [InlineData("臺灣問題", "台湾问题")]
    [InlineData("ＴＡＩＷＡＮ", "taiwan")]
    [InlineData("Taiwan  Question", "taiwan question")]
    [InlineData("ﾀｲﾜﾝ", "タイワン")]
    public void search_folding_reads_traditional_as_simplified_full_width_as_half_width_and_ignores_case(string text, string folded) =>
        FoldedText.Fold(text, Folding.Search).ShouldBe(folded);

    [Fact]
    public void quote_folding_keeps_case_and_script_variants()
    {
        FoldedText.Fold("臺灣 ＡＩ", Folding.Quote).ShouldBe("臺灣 AI");
    }

    [Fact]
    public void a_match_in_folded_text_is_a_range_of_the_original()
    {
        var text = FoldedText.Of("Leaders spoke of 臺灣 twice: 臺灣.", Folding.Search);
        var ranges = text.FindAll(FoldedText.Fold("台湾", Folding.Search));
        ranges.Select(r => text.Original.Substring(r.Start, r.Length)).ShouldBe(["臺灣", "臺灣"]);
    }

    [Theory]
    [InlineData("a\r\nb", "a b", new[] { 0, 1, 3 }, new[] { 1, 3, 4 })]              // CR LF is one element: one space
    [InlineData("Cafe\u0301 x", "café x", new[] { 0, 1, 2, 3, 5, 6 }, new[] { 1, 2, 3, 5, 6, 7 })]   // a mark joins the ASCII letter before it
    [InlineData("\u00A8a", " \u0308a", new[] { 0, 0, 1 }, new[] { 1, 1, 2 })]       // NFKC expands one character into two
    [InlineData("ＡＢ  臺", "ab 台", new[] { 0, 1, 2, 4 }, new[] { 1, 2, 4, 5 })]
    public void each_folded_character_remembers_the_text_element_it_came_from(string text, string folded, int[] starts, int[] ends)
    {
        var of = FoldedText.Of(text, Folding.Search);
        of.Text.ShouldBe(folded);
        Enumerable.Range(0, folded.Length).Select(i => of.RangeOf(i, 1)).ShouldBe(starts.Zip(ends, (s, e) => new TextRange(s, e - s)));
        FoldedText.Fold(text, Folding.Search).ShouldBe(folded.Trim());
    }

    [Fact]
    public void a_lone_surrogate_is_kept_as_it_is()
    {
        var text = "x" + (char)0xD800 + "y";   // built here: attribute data cannot carry a lone surrogate
        var of = FoldedText.Of(text, Folding.Search);
        of.Text.ShouldBe(text);
        of.RangeOf(1, 1).ShouldBe(new TextRange(1, 1));
    }

    [Fact]
    public void every_traditional_character_of_the_opencc_table_folds_to_a_different_character()
    {
        // The table is OpenCC's, generated; a sample of characters the press uses.
        foreach (var (traditional, simplified) in new[] { ("國", "国"), ("關", "关"), ("係", "系"), ("貿", "贸"), ("會", "会"), ("談", "谈") })
            ChineseVariants.ToSimplified(traditional).ShouldBe(simplified);
        ChineseVariants.ToSimplified("台湾 and Taiwan").ShouldBe("台湾 and Taiwan");
    }

    [Theory]
    [InlineData("台湾")]
    [InlineData("臺灣")]
    [InlineData("Taiwan")]
    [InlineData("ＴＡＩＷＡＮ")]
    [InlineData("taiwan")]
    public void a_topics_names_in_any_language_name_it(string term) =>
        TopicLabels.BuiltIn.TopicsNamedBy(term).ShouldContain("taiwan");

    [Fact]
    public void a_word_that_is_no_topics_name_names_none()
    {
        TopicLabels.BuiltIn.TopicsNamedBy("台湾问题是").ShouldBeEmpty();
        TopicLabels.BuiltIn.TopicsNamedBy("rare earths").ShouldBe(["rare-earths"]);   // the id read with spaces
    }

    [Fact]
    public void a_newsrooms_labels_file_adds_to_the_built_in_ones()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "taiwan": { "de": ["Taiwan-Frage"] }, "black-sea-grain": { "en": ["grain corridor"] } }""");
            var labels = TopicLabels.Load(file);
            labels.TopicsNamedBy("taiwan-frage").ShouldBe(["taiwan"]);
            labels.TopicsNamedBy("台湾").ShouldBe(["taiwan"]);
            labels.TopicsNamedBy("Grain Corridor").ShouldBe(["black-sea-grain"]);
            File.WriteAllText(file, """{ "Not A Slug": { "en": ["x"] } }""");
            Should.Throw<InvalidDataException>(() => TopicLabels.Load(file)).Message.ShouldContain("Not A Slug");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void english_is_compared_word_by_word()
    {
        var diff = TextDiff.Between("The two sides discussed trade and Taiwan.", "The two sides discussed trade.");
        string.Concat(diff.Where(s => s.Op != DiffSegment.Added).Select(s => s.Text)).ShouldBe("The two sides discussed trade and Taiwan.");
        string.Concat(diff.Where(s => s.Op != DiffSegment.Removed).Select(s => s.Text)).ShouldBe("The two sides discussed trade.");
        diff.Where(s => s.Op == DiffSegment.Removed).Select(s => s.Text.Trim()).ShouldBe(["and Taiwan"]);
        TextDiff.GranularityOf("The two sides discussed trade.").ShouldBe("word");
    }

    [Fact]
    public void chinese_is_compared_character_by_character()
    {
        var diff = TextDiff.Between("双方讨论了台湾问题和贸易。", "双方讨论了贸易。");
        diff.Single(s => s.Op == DiffSegment.Removed).Text.ShouldBe("台湾问题和");
        diff.ShouldNotContain(s => s.Op == DiffSegment.Added);
        TextDiff.GranularityOf("双方讨论了贸易。").ShouldBe("character");
    }

    private static ImportDecision ReadRelayed(string articleText, string quote, string? kind = "outlet-translation")
    {
        var d = Dossiers.Minimal("relay-call");
        d["format"] = "claims-dossier/2";
        d["sources"]!.AsArray().Add(new JsonObject { ["id"] = "t-outlet", ["name"] = "An outlet", ["side"] = "XX", ["kind"] = "media" });
        d["accounts"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "outlet-article", ["source"] = "t-outlet", ["kind"] = "report", ["publishedAt"] = "2025-11-25T09:00:00+09:00",
            ["language"] = "ja", ["text"] = new JsonObject { ["original"] = articleText, ["excerpt"] = true }
        });
        var claim = d["claims"]![0]!;
        claim["quote"] = new JsonObject { ["text"] = quote, ["language"] = "ja", ["kind"] = kind };
        claim["reportedVia"] = new JsonObject { ["outlet"] = "An outlet", ["account"] = "outlet-article" };
        var reading = DossierReader.Read(d.ToJsonString());
        reading.Problems.ShouldBeEmpty();
        return DossierImport.Decide(reading.Dossier!, null, new Dictionary<string, Claims.Domain.Sources.SourceProfile>());
    }

    [Fact]
    public void a_relayed_outlet_translation_must_stand_in_the_outlets_article()
    {
        ReadRelayed("習氏は台湾問題を提起した […] 米国は理解している", "台湾問題を提起").Problems.ShouldBeEmpty();

        var refused = ReadRelayed("習氏は台湾問題を提起した […] 米国は理解している", "台湾問題を提案");
        refused.Problems.Single().Path.ShouldBe("$.claims[0].quote.text");
        refused.Problems.Single().Message.ShouldContain("outlet-article");
        refused.Problems.Single().Message.ShouldContain("台湾問題を提");   // the nearest passage
    }

    [Fact]
    public void a_paraphrase_stands_nowhere_and_is_not_checked() =>
        ReadRelayed("習氏は台湾問題を提起した", "全く別の言葉", "paraphrase").Problems.ShouldBeEmpty();

    [Fact]
    public void a_claim_cannot_name_its_own_account_as_the_relaying_article()
    {
        var d = Dossiers.Minimal("relay-self");
        d["claims"]![0]!["reportedVia"] = new JsonObject { ["outlet"] = "Xinhua", ["account"] = "cn-readout" };
        DossierReader.Read(d.ToJsonString()).Problems.Single().Path.ShouldBe("$.claims[0].reportedVia.account");
    }

    [Fact]
    public void revisions_are_read_oldest_first_and_each_needs_a_reason_and_a_time_after_the_one_before()
    {
        var d = Dossiers.Minimal("rev-read");
        d["format"] = "claims-dossier/2";
        d["accounts"]![0]!["text"] = new JsonObject { ["original"] = "台湾问题是中美关系中最重要的问题。" };
        d["accounts"]![0]!["revisions"] = new JsonArray(
            new JsonObject
            {
                ["text"] = new JsonObject { ["original"] = "中美关系。" }, ["publishedAt"] = "2025-11-25T10:00:00+08:00", ["reason"] = "Taiwan taken out"
            },
            new JsonObject { ["text"] = new JsonObject { ["original"] = "中美。" }, ["publishedAt"] = "2025-11-24T10:00:00+08:00" });
        var reading = DossierReader.Read(d.ToJsonString());
        reading.Problems.Select(p => p.Path).Order().ShouldBe(["$.accounts[0].revisions[1].publishedAt", "$.accounts[0].revisions[1].reason"]);

        d["accounts"]![0]!["revisions"]!.AsArray().RemoveAt(1);
        var good = DossierReader.Read(d.ToJsonString());
        good.Problems.ShouldBeEmpty();   // the quote stands in version 1, though version 2 took it out
        good.Dossier!.Accounts[0].Texts.Count.ShouldBe(2);
        good.Dossier.Accounts[0].CurrentText!.Original.ShouldBe("中美关系。");
    }
}
