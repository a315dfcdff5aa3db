using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Claims.Domain.Texts;
using Microsoft.Extensions.Options;

namespace Claims.Web.Settings;

/// <summary>
/// What is wrong with the settings, as one sentence naming the setting as it is set (<c>Claims__X</c>). The same
/// checks run before anything starts (<see cref="ClaimsSettings.Read"/>) and when the host starts (ValidateOnStart).
/// </summary>
public sealed partial class ClaimsSettingsValidator : IValidateOptions<ClaimsSettings>
{
    // The event store's schema, and Wolverine's beside it ("{schema}_wolverine"), are PostgreSQL identifiers of at
    // most 63 bytes, used unquoted.
    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,52}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    public ValidateOptionsResult Validate(string? name, ClaimsSettings options) =>
        Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    /// <summary>The first setting that is wrong, as a sentence; null when none is.</summary>
    public static string? Problem(ClaimsSettings s)
    {
        if (s.Schema is { Length: > 0 } schema && !SchemaName().IsMatch(schema))
            return ClaimsSettings.Invalid(nameof(s.Schema), schema,
                "a PostgreSQL name of lower-case letters, digits and underscores, starting with a letter or underscore, at most 53 characters");
        if (s.Nodes is { Length: > 0 } nodes && nodes is not ("solo" or "balanced"))
            return ClaimsSettings.Invalid(nameof(s.Nodes), nodes, "solo or balanced");
        if (s.CountLimit < 1)
            return ClaimsSettings.Invalid(nameof(s.CountLimit), Shown(s.CountLimit), ClaimsSettings.CountLimitRequirement);
        if (s.EditorKey is { } key && key.Trim().Length == 0)
            return "Claims__EditorKey is set but empty; give it a key, or unset it to have one made.";
        if (s.TrustedProxyEntries.FirstOrDefault(e => e.Contains('/') ? !System.Net.IPNetwork.TryParse(e, out _) : !IPAddress.TryParse(e, out _)) is { } proxy)
            return $"Claims__TrustedProxies holds \"{proxy}\", which is neither an IP address nor a network (10.0.0.0/8).";
        if (LoadTopicLabels(s, out _) is { } labels)
            return labels;

        var webhooks = s.Webhooks;
        if (webhooks.RetryWaits() is null)
            return ClaimsSettings.Invalid("Webhooks:RetrySeconds", webhooks.RetrySeconds!,
                "up to 20 waits in seconds separated by commas, each from 0.05 to 86400 (such as 2,10,30)");
        if (webhooks.TimeoutSeconds is not (>= 0.1 and <= 300))
            return ClaimsSettings.Invalid("Webhooks:TimeoutSeconds", Shown(webhooks.TimeoutSeconds), ClaimsSettings.TimeoutRequirement);
        return null;
    }

    /// <summary>
    /// The topic labels searches use: the built-in ones with <see cref="ClaimsSettings.TopicLabels"/>' file merged over
    /// them; null when the file can be used, otherwise what is wrong with it.
    /// </summary>
    public static string? LoadTopicLabels(ClaimsSettings s, out TopicLabels labels)
    {
        labels = TopicLabels.BuiltIn;
        if (s.TopicLabels is not { Length: > 0 } file) return null;
        try
        {
            labels = TopicLabels.Load(file);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return $"Claims__TopicLabels names \"{file}\", which cannot be used: {e.Message}";
        }
    }

    private static string Shown(double value) => value.ToString(CultureInfo.InvariantCulture);
}

public static class ClaimsSettingsRegistration
{
    /// <summary>
    /// <c>IOptions&lt;ClaimsSettings&gt;</c> for the running program, bound from the <c>Claims</c> section and
    /// validated again when the host starts: configuration added as the host is built (a test host's) is checked
    /// too, so the program never runs on settings the validator has not seen.
    /// </summary>
    public static void AddClaimsSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClaimsSettings>().Bind(configuration.GetSection(ClaimsSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClaimsSettings>, ClaimsSettingsValidator>();
    }
}
