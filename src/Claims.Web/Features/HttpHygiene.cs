using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Claims.Web.Features;

/// <summary>
/// What a browser and a proxy expect of the responses: compressed (a call page is 95 kB raw, about 9 kB gzipped),
/// static files cached for a year when their URL carries the content's version (<c>asp-append-version</c> adds
/// <c>?v=</c> with a hash of the file), for an hour otherwise.
/// </summary>
public static class HttpHygiene
{
    public static readonly TimeSpan VersionedStaticFiles = TimeSpan.FromDays(365);
    public static readonly TimeSpan StaticFiles = TimeSpan.FromHours(1);

    public static void AddHttpHygiene(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            // Off over HTTPS, as ASP.NET Core ships it: a page that holds a secret (the editor's antiforgery token)
            // beside text a request can choose is what BREACH reads through compression. A TLS proxy in front
            // compresses on its own terms; plain HTTP (the default 127.0.0.1:5080, or behind such a proxy) is compressed.
            o.EnableForHttps = false;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "application/atom+xml", "application/ld+json", "image/svg+xml", "text/csv"]);
        });

    public static void UseHttpHygiene(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers[HeaderNames.CacheControl] = versioned
                    ? $"public, max-age={(int)VersionedStaticFiles.TotalSeconds}, immutable"
                    : $"public, max-age={(int)StaticFiles.TotalSeconds}";
            }
        });
    }
}
