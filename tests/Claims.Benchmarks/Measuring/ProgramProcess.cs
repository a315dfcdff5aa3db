using System.Diagnostics;
using System.Globalization;

namespace Claims.Benchmarks.Measuring;

/// <summary>
/// The built tracker (Claims.Web.dll, copied beside the benchmark) run as its own process, as a user runs it,
/// with its output kept in a log file and its peak resident memory sampled from /proc while it runs.
/// </summary>
public sealed class ProgramProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    /// <summary>The highest VmHWM seen, in MiB; the kernel keeps it monotonic, so the last sample is the peak so far.</summary>
    public double PeakMemoryMb { get; private set; }
    public string LogFile { get; }

    private ProgramProcess(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
        _log = new StreamWriter(logFile) { AutoFlush = true };
        var log = TextWriter.Synchronized(_log);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _sampler = Task.Run(SampleMemory);
    }

    public static ProgramProcess Start(BenchSettings settings, string schema, string logFile, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Claims.Web.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ConnectionStrings__Marten"] = settings.ConnectionString;
        info.Environment["Claims__Schema"] = schema;
        info.Environment["Claims__EditorKey"] = BenchSettings.EditorKey;
        info.Environment["Claims__Nodes"] = "solo";
        info.Environment["Claims__LoadSample"] = "false";
        // The alert step's webhook receiver listens on a loopback port.
        info.Environment["Claims__Webhooks__AllowPrivateAddresses"] = "true";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Per-request information logs to a console would be measured too; a deployment ships warnings only.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return new ProgramProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), logFile);
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public int Id => _process.Id;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        Clock.Stop();
        await StopSampling();
        return _process.ExitCode;
    }

    private async Task SampleMemory()
    {
        var status = $"/proc/{_process.Id}/status";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                    var kb = double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    PeakMemoryMb = Math.Max(PeakMemoryMb, kb / 1024);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }   // exited
            try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task StopSampling()
    {
        await _stop.CancelAsync();
        await _sampler;
    }

    public string Tail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException) { return ""; }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();   // also drains the output into the log before it closes
        _stop.Cancel();
        try { _sampler.Wait(); } catch (AggregateException) { }
        _process.Dispose();
        _log.Dispose();
        _stop.Dispose();
    }
}
