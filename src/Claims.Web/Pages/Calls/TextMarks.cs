using System.Text;
using Claims.Domain.Reconciliation;
using Claims.Domain.Texts;
using Microsoft.AspNetCore.Html;

namespace Claims.Web.Pages.Calls;

/// <summary>A run of a text, the claims whose quotes cover it (none for plain text), and those whose quotes begin with it.</summary>
public sealed record MarkedRun(string Text, IReadOnlyList<TextClaim> Claims, IReadOnlyList<TextClaim> Starting);

/// <summary>
/// Cuts a text at every edge of its claims' quotes, so each run is covered by the same claims throughout: quotes that
/// overlap become runs covered by both, with no nesting to render. <see cref="MarkedRun.Starting"/> are the claims
/// whose quotes begin at the run: each one's link target <c>#q-{claim}</c> goes there.
/// </summary>
public static class TextMarks
{
    public static IReadOnlyList<MarkedRun> Cut(string text, IEnumerable<TextClaim> claims)
    {
        var placed = claims.Where(c => c.Range is { } r && r.End <= text.Length).ToList();
        var edges = placed.SelectMany(c => new[] { c.Range!.Start, c.Range.End }).Append(0).Append(text.Length)
            .Distinct().Order().ToList();
        var runs = new List<MarkedRun>();
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var (start, end) = (edges[i], edges[i + 1]);
            var covering = placed.Where(c => c.Range!.Start <= start && c.Range.End >= end).ToList();
            runs.Add(new MarkedRun(text[start..end], covering, covering.Where(c => c.Range!.Start == start).ToList()));
        }
        return runs;
    }

    /// <summary>
    /// The runs as HTML, every text encoded: a marked run is a link to its (first) claim on the call's page, coloured by
    /// topic, with the topics written after it (colour is never the only sign). Written as one string so that no white
    /// space creeps between runs of a text shown with its own line breaks.
    /// </summary>
    public static IHtmlContent Html(IReadOnlyList<MarkedRun> runs, string callId, IReadOnlyList<string> topics)
    {
        var html = new StringBuilder();
        var encode = Display.Html;
        foreach (var run in runs)
        {
            if (run.Claims.Count == 0) { html.Append(encode.Encode(run.Text)); continue; }
            var first = run.Starting.Count > 0 ? run.Starting[0] : run.Claims[0];
            var title = string.Join("; ", run.Claims.Select(c => $"{c.Topic}: {c.Statement}"));
            // Every claim whose words begin here gets its link target: the link itself for the first, an empty anchor for the others.
            foreach (var other in run.Starting.Skip(1))
                html.Append("<span class=\"anchor-target\" id=\"q-").Append(encode.Encode(other.Id)).Append("\"></span>");
            html.Append("<a class=\"mark-link\" href=\"/calls/").Append(encode.Encode(callId)).Append("#claim-").Append(encode.Encode(first.Id)).Append('"');
            if (run.Starting.Count > 0) html.Append(" id=\"q-").Append(encode.Encode(first.Id)).Append('"');
            html.Append(" title=\"").Append(encode.Encode(title)).Append("\"><mark class=\"").Append(TopicClass(topics, first.Topic)).Append("\">")
                .Append(encode.Encode(run.Text)).Append("</mark>");
            if (run.Starting.Count > 0)
                html.Append("<span class=\"tag\">").Append(encode.Encode(string.Join(", ", run.Starting.Select(c => c.Topic).Distinct()))).Append("</span>");
            html.Append("</a>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>A diff as one HTML string, removed text in <c>del</c> and added text in <c>ins</c>, every text encoded.</summary>
    public static IHtmlContent DiffHtml(IEnumerable<DiffSegment> segments)
    {
        var html = new StringBuilder();
        foreach (var s in segments)
        {
            var text = Display.Html.Encode(s.Text);
            html.Append(s.Op switch { DiffSegment.Removed => $"<del>{text}</del>", DiffSegment.Added => $"<ins>{text}</ins>", _ => text });
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>The colour class of a topic: its rank on the call's page, among ten colours.</summary>
    public static string TopicClass(IReadOnlyList<string> topics, string topic) => $"t{Math.Max(0, topics.IndexOf(topic)) % 10}";

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
