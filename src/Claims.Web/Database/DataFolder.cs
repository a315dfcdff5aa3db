namespace Claims.Web.Database;

public static class DataFolder
{
    /// <summary>
    /// Claims' own files: <c>CLAIMS_DATA_DIR</c>, else <c>claims</c> under the user's local data folder. The folder is made
    /// where it is used (with a clear refusal when it cannot be), never here: a home that cannot be written is no crash.
    /// </summary>
    public static string Default() =>
        Environment.GetEnvironmentVariable("CLAIMS_DATA_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "claims");
}
