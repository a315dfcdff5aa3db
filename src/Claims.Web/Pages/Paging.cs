namespace Claims.Web.Pages;

/// <summary>Links between the pages of a paged list.</summary>
public static class Paging
{
    /// <summary>The request's URL with the same query and another page number.</summary>
    public static string UrlFor(HttpRequest request, int page)
    {
        var query = request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return $"{request.Path}?{string.Join("&", query.Append($"page={page}"))}";
    }
}
