using System.Security.Cryptography;
using Claims.Web.Database;

namespace Claims.Web.Security;

/// <summary>
/// When no editor key is configured, Claims makes one and keeps it in its data folder, so a new user can
/// write at once and finds the key in the start-up log.
/// </summary>
public static class EditorKeySetup
{
    public static void EnsureEditorKey(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["Claims:EditorKey"] is { Length: > 0 }) return;

        var folder = DataFolder.Default();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "editor-key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var key = File.ReadAllText(file).Trim();
        builder.Configuration["Claims:EditorKey"] = key;
        Console.Error.WriteLine($"Claims editor key (from {file}; set Claims__EditorKey to choose your own): {key}");
    }
}
