using System.Text.RegularExpressions;
using Claims.Domain.Texts;
using Claims.Web.Database;
using Claims.Web.Security;
using Npgsql;

namespace Claims.Web;

/// <summary>
/// The settings checked before anything starts: a bad one stops the program with one sentence naming it and a
/// non-zero exit, before the embedded database starts or anything is written.
/// </summary>
public static partial class StartupSettings
{
    // The event store's schema, and Wolverine's beside it ("{schema}_wolverine"), are PostgreSQL identifiers of at
    // most 63 bytes, used unquoted.
    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,52}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    /// <summary>What is wrong with the settings, or null when nothing is.</summary>
    public static string? Check(WebApplicationBuilder builder, bool isCommand)
    {
        var config = builder.Configuration;
        if (config["Claims:Schema"] is { Length: > 0 } schema && !SchemaName().IsMatch(schema))
            return $"Claims__Schema is \"{schema}\"; it must be a PostgreSQL name of lower-case letters, digits and underscores, starting with a letter or underscore, at most 53 characters.";
        if (config["Claims:Nodes"] is { Length: > 0 } nodes && nodes is not ("solo" or "balanced"))
            return $"Claims__Nodes is \"{nodes}\"; it must be solo or balanced.";
        foreach (var flag in new[] { "LoadSample", "LoadRecord" })
            if (config[$"Claims:{flag}"] is { } value && !value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                return $"Claims__{flag} is \"{value.ReplaceLineEndings("\\n")}\"; it must be true or false.";
        if (config.GetConnectionString("Marten") is { Length: > 0 } connection)
        {
            try { _ = new NpgsqlConnectionStringBuilder(connection); }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                return $"ConnectionStrings__Marten is not a PostgreSQL connection string: {e.Message}";
            }
        }
        return Proxies.Problem(config) ?? TopicLabelsProblem(config) ?? builder.EnsureEditorKey(announce: !isCommand);
    }

    /// <summary>Loads a newsroom's topic labels (<c>Claims__TopicLabels</c>, a file merged over the built-in ones) for every search of the process.</summary>
    private static string? TopicLabelsProblem(IConfiguration config)
    {
        if (config["Claims:TopicLabels"] is not { Length: > 0 } file) return null;
        try
        {
            TopicLabels.Active = TopicLabels.Load(file);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return $"Claims__TopicLabels names \"{file}\", which cannot be used: {e.Message}";
        }
    }
}
