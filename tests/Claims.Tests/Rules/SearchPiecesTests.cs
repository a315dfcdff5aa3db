using Claims.Domain.Texts;

namespace Claims.Tests.Rules;

/// <summary>What a two-character search term is looked up in: CJK pairs anywhere, ASCII words whole.</summary>
public class SearchPiecesTests
{
    [Fact]
    public void chinese_and_japanese_text_gives_every_pair_and_latin_text_only_its_two_letter_words()
    {
        var pieces = SearchKeys.Bigrams("the eu and g7 on 台湾问题 (高市)\nus-made");
        pieces.ShouldBe(["eu", "g7", "on", "us", "台湾", "湾问", "问题", "(高", "高市", "市)"], ignoreOrder: true);
    }

    [Fact]
    public void pairs_never_span_a_space_or_split_a_character_outside_the_basic_plane()
    {
        var pieces = SearchKeys.Bigrams("台 湾 𠮷野");
        pieces.ShouldBe(["𠮷"]);   // 𠮷 is two UTF-16 units: a pair on its own, and no pair starts inside it
    }

    [Theory]
    [InlineData("台湾", true)]
    [InlineData("eu", true)]
    [InlineData("g7", true)]
    [InlineData("a台", true)]
    [InlineData("5%", false)]
    [InlineData("e ", false)]
    [InlineData("eu7", false)]
    public void a_two_character_term_uses_the_pieces_when_they_can_hold_it(string term, bool pieces) =>
        SearchKeys.IsBigramTerm(term).ShouldBe(pieces);
}
