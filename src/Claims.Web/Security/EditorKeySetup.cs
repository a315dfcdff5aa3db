using System.Security.Cryptography;
using Claims.Web.Database;
using Claims.Web.Settings;

namespace Claims.Web.Security;

/// <summary>
/// When no editor key is configured, Claims makes one and keeps it in its data folder, so a new user can write at
/// once and finds the key in the start-up log. A key file that is there but unusable (a folder, empty) stops the start
/// with one sentence, rather than a tracker on which every write fails.
/// </summary>
public static class EditorKeySetup
{
    /// <summary>
    /// Sets the editor key when it is not configured; null when all is well, otherwise what is wrong. A configured
    /// key was checked with the other settings (ClaimsSettingsValidator).
    /// </summary>
    public static string? EnsureEditorKey(this WebApplicationBuilder builder, ClaimsSettings settings, bool announce)
    {
        if (settings.EditorKey is not null) return null;

        var folder = DataFolder.Default();
        var file = Path.Combine(folder, "editor-key");
        if (Directory.Exists(file)) return $"{file} is a folder; it should be the file holding the editor key. Remove it to have a key made.";
        try
        {
            Secrets.CreateFolder(folder, traversable: Environment.UserName == "root");
            if (!File.Exists(file)) Secrets.Write(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
            var key = File.ReadAllText(file).Trim();
            if (key.Length == 0) return $"{file} is empty; write a key into it, or delete it to have one made.";
            // Into the configuration too: the running program's options are bound from it when the host starts.
            builder.Configuration[$"{ClaimsSettings.Section}:{nameof(ClaimsSettings.EditorKey)}"] = key;
            settings.EditorKey = key;
            if (announce) Console.Error.WriteLine($"Claims editor key (from {file}; set Claims__EditorKey to choose your own): {key}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EmbeddedPostgresException)
        {
            return $"the editor key file {file} cannot be used: {e.Message}";
        }
    }
}
