namespace Claims.Web.Database;

public static class DataFolder
{
    /// <summary>Claims' own files: <c>CLAIMS_DATA_DIR</c>, else <c>claims</c> under the user's local data folder.</summary>
    public static string Default() =>
        Environment.GetEnvironmentVariable("CLAIMS_DATA_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "claims");
}
