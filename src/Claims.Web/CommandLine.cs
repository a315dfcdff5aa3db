using Spectre.Console;

namespace Claims.Web;

public static class CommandLine
{
    /// <summary>True when the arguments name a command (import, projections...) rather than serving.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Equals("run", StringComparison.OrdinalIgnoreCase);

    /// <summary>How long <c>projections rebuild</c> gives each projection unless <c>--shard-timeout</c> says otherwise.</summary>
    public const string RebuildTimeout = "2h";

    /// <summary>
    /// The arguments, with <c>--shard-timeout</c> added to a <c>projections rebuild</c> that has none: the framework's
    /// own default of five minutes is shorter than the discrepancy index takes at a million claims, where the rebuild
    /// stopped half-done. A timeout given on the command line is kept.
    /// </summary>
    public static string[] WithRebuildTimeout(string[] args) =>
        IsRebuild(args) && !args.Any(a => a.StartsWith("--shard-timeout", StringComparison.OrdinalIgnoreCase))
            ? [.. args, "--shard-timeout", RebuildTimeout]
            : args;

    /// <summary>True for <c>projections rebuild</c>, whatever else the command line says.</summary>
    public static bool IsRebuild(string[] args) =>
        args.Length > 1 && args[0].Equals("projections", StringComparison.OrdinalIgnoreCase)
        && args.Skip(1).Any(a => a.Equals("rebuild", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for the commands that read files only (check): no database is started for them.</summary>
    public static bool NeedsNoDatabase(string[] args) => args.Length > 0 && args[0].Equals("check", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A path as the user meant it: <c>dotnet run --project src/Claims.Web</c> runs the program in the project's
    /// folder, not where the command was typed, so a relative path is taken from the shell's folder ($PWD) when a
    /// file or folder is there (or, for <paramref name="writing"/>, always).
    /// </summary>
    public static string FromShell(string path, bool writing = false)
    {
        if (Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell) return path;
        var fromShell = Path.Combine(shell, path);
        return writing || File.Exists(fromShell) || Directory.Exists(fromShell) ? fromShell : path;
    }

    /// <summary>A path as the user would write it: relative to the shell's folder when the file is inside it.</summary>
    public static string Shown(string path)
    {
        if (Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell) return path;
        var relative = Path.GetRelativePath(shell, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>A command's results, on standard output.</summary>
    public static IAnsiConsole Results { get; } = ResultsConsole();

    // Piped into a file or another program, a table gets room rather than the 80 columns of an unknown terminal.
    private static IAnsiConsole ResultsConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        return console;
    }

    /// <summary>
    /// Keeps standard output for a command's results (a table, or JSON to pipe on): the framework's own
    /// chatter and the logs go to standard error, and only warnings are logged.
    /// </summary>
    public static void QuietForCommands(WebApplicationBuilder builder, string[] args)
    {
        QuietStartup(builder);
        if (!IsCommand(args)) return;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        builder.Configuration["Claims:LoadSample"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>
    /// At start a user sees the database line, the key line and the address, nothing else: not JasperFx's list of
    /// the assemblies it searched for commands, nor the host's "Application started", environment and content root.
    /// The address is said once, by <see cref="AnnounceAddress"/>.
    /// </summary>
    private static void QuietStartup(WebApplicationBuilder builder)
    {
        // JasperFx prints "Searching '…' for commands" for each assembly unless its extensions were applied before;
        // the flag is private, so it is set by name (a JasperFx that renames it prints the lines again, no more).
        typeof(JasperFx.CommandLine.CommandFactory)
            .GetField("_hasAppliedExtensions", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            ?.SetValue(null, true);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // The cookie key ring is kept unencrypted in the tracker's own database by design (KeyRing), which ASP.NET
        // warns of whenever it makes a key.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
    }

    /// <summary>Says where the tracker serves, once it does.</summary>
    public static void AnnounceAddress(WebApplication app, string[] args)
    {
        if (IsCommand(args)) return;
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"Claims serves on {string.Join(" and ", app.Urls)} (Ctrl+C stops it)"));
    }
}
