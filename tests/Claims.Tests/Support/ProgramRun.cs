using System.Diagnostics;

namespace Claims.Tests.Support;

/// <summary>The program run as a user runs it, as a separate process, on the test database in a schema of its own.</summary>
public static class ProgramRun
{
    public static async Task<(int Exit, string Out, string Err)> Run(string schema, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Claims.Web.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        info.Environment["Claims__Schema"] = schema;
        info.Environment["Claims__EditorKey"] = "cli-key";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) info.Environment[name] = value;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
