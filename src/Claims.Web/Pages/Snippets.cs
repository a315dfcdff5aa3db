using System.Text;
using Claims.Domain.Search;
using Microsoft.AspNetCore.Html;

namespace Claims.Web.Pages;

/// <summary>A search snippet as HTML: the matched words in <c>mark</c>, every text encoded.</summary>
public static class Snippets
{
    public static IHtmlContent Html(Snippet snippet)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (var mark in snippet.Marks.OrderBy(m => m.Start))
        {
            if (mark.Start < at) continue;
            html.Append(Display.Html.Encode(snippet.Text[at..mark.Start]))
                .Append("<mark>").Append(Display.Html.Encode(snippet.Text.Substring(mark.Start, mark.Length))).Append("</mark>");
            at = mark.End;
        }
        html.Append(Display.Html.Encode(snippet.Text[at..]));
        return new HtmlString(html.ToString());
    }
}
