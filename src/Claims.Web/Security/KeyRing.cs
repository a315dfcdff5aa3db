using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Claims.Web.Security;

/// <summary>One key of ASP.NET's data-protection key ring, as stored in the tracker's own database.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// The key ring that protects the editors' cookies lives in the tracker's database (its schema), not in the user's
/// profile: a cookie issued by one tracker means nothing to a tracker on another database, and several trackers
/// on one database (behind a load balancer) share one ring. The keys are stored as ASP.NET writes them, unencrypted:
/// they are as safe as the database that holds the editors' records and the events, and whoever can read it can
/// write to it anyway.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    // The key ring's interface is synchronous and Marten's data access is asynchronous only; the ring is read once
    // per process (then cached) and a key written a few times a year, so waiting here costs nothing.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class KeyRing
{
    public static void AddKeyRingInDatabase(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("claims");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IDocumentStore>())));
    }
}
