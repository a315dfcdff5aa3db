namespace Claims.Web.Database;

/// <summary>
/// Files and folders that hold secrets (the editor key, the database password) are created with their final modes:
/// never readable by other users, not even for the moment between writing a file and changing its mode.
/// </summary>
public static class Secrets
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The data folder, readable by its owner only. As root, others may pass through it (but not list or read it) so
    /// that PostgreSQL, running as its own user, can reach its cluster folder inside.
    /// </summary>
    public static void CreateFolder(string path, bool traversable)
    {
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                   | (traversable ? UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : 0);
        if (File.Exists(path)) throw new EmbeddedPostgresException($"{path} is a file; the data folder must be a folder.");
        if (!Directory.Exists(path)) Directory.CreateDirectory(path, mode);
        else if ((File.GetUnixFileMode(path) & ~mode) != 0) File.SetUnixFileMode(path, mode);
    }

    /// <summary>Writes a new secret file, readable and writable by its owner only from its first byte.</summary>
    public static void Write(string path, string content)
    {
        using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = OwnerOnly
        });
        using var writer = new StreamWriter(file);
        writer.Write(content);
    }
}
