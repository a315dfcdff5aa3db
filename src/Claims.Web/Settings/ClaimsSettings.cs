using System.Globalization;
using System.Reflection;
using Claims.Domain;

namespace Claims.Web.Settings;

/// <summary>
/// Every setting under <c>Claims</c> (<c>Claims__X</c> in the environment), in one place. The program binds it twice
/// from the same configuration: once before anything starts (<see cref="StartupSettings"/>, which needs the schema and
/// the webhook waits to build the host, and must refuse a bad setting before the embedded database starts), and
/// once as <c>IOptions&lt;ClaimsSettings&gt;</c> for the running program, validated again at host start. Both go
/// through <see cref="ClaimsSettingsValidator"/>.
/// </summary>
public sealed class ClaimsSettings
{
    public const string Section = "Claims";

    public const string TrueOrFalse = "true or false";
    public const string CountLimitRequirement = "a whole number of at least 1 (the default is 5000)";
    public const string TimeoutRequirement = "a number of seconds from 0.1 to 300";

    /// <summary>The event store's PostgreSQL schema; Wolverine's tables go to <c>{schema}_wolverine</c>. Empty: <c>claims</c>.</summary>
    public string? Schema { get; set; }

    /// <summary><c>solo</c> or <c>balanced</c>; empty: solo on the embedded database, balanced on a configured one.</summary>
    public string? Nodes { get; set; }

    /// <summary>Load the sample calls (and the record, see <see cref="LoadRecord"/>) into a new, empty database.</summary>
    [Requirement(TrueOrFalse)]
    public bool LoadSample { get; set; } = true;

    [Requirement(TrueOrFalse)]
    public bool LoadRecord { get; set; } = true;

    /// <summary>The first administrator's key; when unset, one is made and kept in the data folder (EditorKeySetup).</summary>
    public string? EditorKey { get; set; }

    /// <summary>Reverse proxies believed besides loopback: addresses or networks, comma-separated.</summary>
    public string? TrustedProxies { get; set; }

    /// <summary>Where the public pages live, for links in exports and alerts; empty: the address a request came to.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>A JSON file of topic labels merged over the built-in ones.</summary>
    public string? TopicLabels { get; set; }

    /// <summary>How many discrepancies a page counts exactly before it says "more than" (see DiscrepancyCountLimit).</summary>
    [Requirement(CountLimitRequirement)]
    public int CountLimit { get; set; } = 5000;

    public Reviewer Review { get; set; } = new();

    public WebhookDelivery Webhooks { get; set; } = new();

    /// <summary>The schema in use: <see cref="Schema"/>, or the default when it is empty.</summary>
    public string StoreSchema => Schema is { Length: > 0 } s ? s : ClaimsStore.DefaultSchema;

    /// <summary>The entries of <see cref="TrustedProxies"/>, trimmed.</summary>
    public IReadOnlyList<string> TrustedProxyEntries =>
        (TrustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The organisation named as the publisher of ClaimReview exports.</summary>
    public sealed class Reviewer
    {
        /// <summary>Empty: "Claims".</summary>
        public string? Name { get; set; }

        /// <summary>Empty: the public address of the pages.</summary>
        public string? Url { get; set; }
    }

    /// <summary>How webhooks are delivered.</summary>
    public sealed class WebhookDelivery
    {
        /// <summary>Nine retries over about two hours: a receiver down for a deploy or an outage of an hour misses nothing.</summary>
        public static readonly IReadOnlyList<double> DefaultRetrySeconds = [2, 10, 30, 60, 120, 300, 600, 1800, 3600];

        /// <summary>False: webhooks reach public addresses only.</summary>
        [Requirement(TrueOrFalse)]
        public bool AllowPrivateAddresses { get; set; }

        /// <summary>The waits between attempts, in seconds, comma-separated; after the last, the delivery is a dead letter.</summary>
        public string? RetrySeconds { get; set; }

        /// <summary>How long one attempt may take.</summary>
        [Requirement(TimeoutRequirement)]
        public double TimeoutSeconds { get; set; } = 10;

        /// <summary>The waits of <see cref="RetrySeconds"/> (the default ones when it is empty), or null when it is malformed.</summary>
        public IReadOnlyList<double>? RetryWaits()
        {
            if (RetrySeconds is not { Length: > 0 } list) return DefaultRetrySeconds;
            var parts = list.Split(',', StringSplitOptions.TrimEntries);
            var waits = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0.05 and <= 86_400 ? s : -1).ToArray();
            return parts.Length > 20 || waits.Any(s => s < 0) ? null : waits;
        }
    }

    /// <summary>A setting's name as it is set in the environment: <c>Claims__Webhooks__RetrySeconds</c>.</summary>
    public static string NameOf(string path) => Section + "__" + path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The sentence for a setting whose value is not what it must be.</summary>
    public static string Invalid(string path, string value, string requirement) =>
        $"{NameOf(path)} is \"{value.ReplaceLineEndings("\\n")}\"; it must be {requirement}.";

    /// <summary>
    /// The settings as configured, validated; or null with the sentence that says which one is wrong. A value the
    /// binder could not convert (<c>Claims__CountLimit=abc</c>) is such a sentence too, not the binder's exception.
    /// </summary>
    public static ClaimsSettings? Read(IConfiguration configuration, out string? problem)
    {
        var section = configuration.GetSection(Section);
        problem = UnreadableValue(section, typeof(ClaimsSettings), "");
        if (problem is not null) return null;
        var settings = section.Get<ClaimsSettings>() ?? new ClaimsSettings();
        problem = ClaimsSettingsValidator.Problem(settings);
        return problem is null ? settings : null;
    }

    /// <summary>
    /// The first typed setting whose text is not a value of its type. The check is stricter than the configuration
    /// binder, which reads " 5", "+5" and "0x10" as numbers and "true\n" as true: only plain digits, plain numbers
    /// and true/false in any case pass, so the options bound later from the same text never fail to bind.
    /// </summary>
    private static string? UnreadableValue(IConfigurationSection section, Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var path = prefix + property.Name;
            var kind = property.PropertyType;
            if (kind == typeof(string)) continue;
            if (kind.IsClass && kind.DeclaringType == typeof(ClaimsSettings))
            {
                if (UnreadableValue(section.GetSection(property.Name), kind, path + ":") is { } nested) return nested;
                continue;
            }
            if (section[property.Name] is not { } text) continue;
            var readable = kind == typeof(bool) ? text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
                : kind == typeof(int) ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                : kind == typeof(double) ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                : throw new NotSupportedException($"ClaimsSettings.{path} is a {kind.Name}; its text has no check.");
            if (!readable)
                return Invalid(path, text, property.GetCustomAttribute<RequirementAttribute>()?.Text ?? $"a {kind.Name}");
        }
        return null;
    }
}

/// <summary>What a typed setting's value must be, as the end of the sentence that refuses it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequirementAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
