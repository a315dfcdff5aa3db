namespace Claims.Web;

public static class CommandLine
{
    /// <summary>True when the arguments name a command (import, projections...) rather than serving.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Equals("run", StringComparison.OrdinalIgnoreCase);
}
