using System.Diagnostics;

namespace Claims.Tests.Support;

/// <summary>The program run as a user runs it, as a separate process, on the test database in a schema of its own.</summary>
public static class ProgramRun
{
    public static Task<(int Exit, string Out, string Err)> Run(string schema, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marten"] = TestDatabase.ConnectionString, ["Claims__Schema"] = schema, ["Claims__EditorKey"] = "cli-key"
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) environment[name] = value;
        return RunWith(environment, args);
    }

    /// <summary>The program with exactly these settings (a null value unsets one), e.g. on an embedded database of its own.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the program and returns at once; its output is collected as it comes (kill it, or wait for it).</summary>
    public static Running Serve(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var process = Start(environment, args);
        var output = new System.Text.StringBuilder();
        void Collect(object? _, DataReceivedEventArgs e) { lock (output) output.AppendLine(e.Data); }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Running(process, output);
    }

    private static Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Claims.Web.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        return Process.Start(info)!;
    }
}

/// <summary>A program started with <see cref="ProgramRun.Serve"/>, and what it has printed so far.</summary>
public sealed record Running(Process Process, System.Text.StringBuilder Output) : IDisposable
{
    public string Printed { get { lock (Output) return Output.ToString(); } }

    /// <summary>Waits until <c>GET {url}/health</c> answers 200, or the program exits.</summary>
    public async Task<bool> Healthy(string url, TimeSpan within)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !Process.HasExited)
        {
            try { if ((await client.GetAsync(url + "/health")).IsSuccessStatusCode) return true; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>kill -9 of the program alone: what a crash or an operator's kill does (what it started lives on).</summary>
    public void KillHard()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: false);
        Process.WaitForExit(TimeSpan.FromSeconds(30));   // the process only, not the end of its output
    }

    public void Dispose()
    {
        KillHard();
        Process.Dispose();
    }
}
