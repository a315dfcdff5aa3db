using Claims.Domain.Texts;

namespace Claims.Web.Features;

/// <summary>
/// The SQL of a text filter over a table with the two search columns (<see cref="SearchKeys"/>): the folded term as a
/// plain substring of <c>search_text</c> (its trigram index serves three characters or more), or, for a two-character
/// term, one of <c>search_bigrams</c>; or a row on a topic the term names. The term is a parameter, and LIKE's own
/// wildcards in it are matched literally.
/// </summary>
public static class TextMatch
{
    /// <param name="topicCondition">The SQL that matches a row on one of the named topics, with one parameter (a text[]).</param>
    /// <param name="alias">The alias of the table with the search columns.</param>
    public static (string Sql, object[] Parameters) Sql(string foldedTerm, string[] namedTopics, string topicCondition, string alias = "d")
    {
        var parts = new List<string>();
        var parameters = new List<object>();
        if (foldedTerm.Length > 0)
        {
            if (SearchKeys.IsBigramTerm(foldedTerm))
                parts.Add($"{alias}.search_bigrams @> array[?]::text[]");
            else
                parts.Add($"{alias}.search_text like ?");
            parameters.Add(SearchKeys.IsBigramTerm(foldedTerm) ? foldedTerm : Containing(foldedTerm));
        }
        if (namedTopics.Length > 0)
        {
            parts.Add(topicCondition);
            parameters.Add(namedTopics);
        }
        return parts.Count == 0 ? ("false", []) : ($"({string.Join(" or ", parts)})", parameters.ToArray());
    }

    /// <summary>A LIKE / ILIKE pattern for text that holds <paramref name="term"/> as written: its %, _ and \ are not wildcards.</summary>
    public static string Containing(string term) => $"%{term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%";
}
