using Claims.Domain.Texts;
using Claims.Web.Security;
using Claims.Web.Settings;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Claims.Web;

/// <summary>
/// The settings checked before anything starts: a bad one stops the program with one sentence naming it and a
/// non-zero exit, before the embedded database starts or anything is written.
/// </summary>
public static class StartupSettings
{
    /// <summary>The settings, with the topic labels loaded and the editor key made if need be; or null with what is wrong.</summary>
    public static ClaimsSettings? Check(WebApplicationBuilder builder, bool isCommand, out string? problem)
    {
        var config = builder.Configuration;
        var settings = ClaimsSettings.Read(config, out problem);
        if (settings is null) return null;
        if (config.GetConnectionString("Marten") is { Length: > 0 } connection)
        {
            try { _ = new NpgsqlConnectionStringBuilder(connection); }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                problem = $"ConnectionStrings__Marten is not a PostgreSQL connection string: {e.Message}";
                return null;
            }
        }
        // The labels every search of the process uses.
        problem = ClaimsSettingsValidator.LoadTopicLabels(settings, out var labels) ?? builder.EnsureEditorKey(settings, announce: !isCommand);
        if (problem is not null) return null;
        TopicLabels.Active = labels;
        return settings;
    }

    /// <summary>
    /// The running program's options, bound from the built host's configuration: null when they bind and validate,
    /// otherwise what is wrong. They are the same settings <see cref="Check"/> passed unless the configuration changed
    /// in between; if it did, the bad setting is still one sentence here, where ValidateOnStart would stop the host
    /// with a stack trace.
    /// </summary>
    public static string? Recheck(WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IOptions<ClaimsSettings>>().Value;
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.First();
        }
        catch (InvalidOperationException) when (ClaimsSettings.Read(app.Configuration, out var problem) is null)
        {
            return problem;   // text the binder could not convert, said as the early check says it
        }
    }
}
