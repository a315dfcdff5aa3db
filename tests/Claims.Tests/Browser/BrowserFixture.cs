using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Claims.Tests.Browser;

/// <summary>
/// The real program serving on a loopback port (its own process, a new schema, the sample call loaded) and
/// Debian's Chromium driven by Playwright. Playwright's own browser download is not used: the tests point it at
/// <c>/usr/bin/chromium</c> (or <c>CLAIMS_CHROMIUM</c>).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Whether the sample calls are loaded, as on a user's first start.</summary>
    protected virtual bool LoadSample => true;

    public const string EditorKey = "browser-editor-key";

    private Process? _app;
    private readonly string _schema = TestDatabase.NewSchema("browser");
    private readonly Dictionary<string, string> _keys = [];
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Claims.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseUrl);
        info.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        info.Environment["Claims__Schema"] = _schema;
        info.Environment["Claims__EditorKey"] = EditorKey;
        info.Environment["Claims__Nodes"] = "solo";
        info.Environment["Claims__LoadSample"] = LoadSample ? "true" : "false";
        info.Environment["Claims__LoadRecord"] = "false";   // the sample alone: the pages' tests and screenshots tell its story
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // The webhooks page's test registers receivers on this machine, and waits for dead letters seconds, not hours.
        info.Environment["Claims__Webhooks__AllowPrivateAddresses"] = "true";
        info.Environment["Claims__Webhooks__RetrySeconds"] = "0.2,0.5";
        // Serve the pages' static files from the project, as `dotnet run` does.
        info.Environment["ASPNETCORE_CONTENTROOT"] = ProjectFolder();
        info.WorkingDirectory = AppContext.BaseDirectory;
        _app = Process.Start(info)!;
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(Screenshots, "app.log")) { AutoFlush = true });
        _app.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        _app.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitUntilHealthy();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLAIMS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true
        });
    }

    public async Task<IPage> NewPage(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page in a browser context of its own (its own cookies), signed in as <paramref name="name"/>: the editor is
    /// added once with the program's own <c>editors add</c> command, and signs in with the key it printed.
    /// </summary>
    public async Task<IPage> SignedIn(string name, string? returnUrl = null)
    {
        var key = await KeyOf(name);
        var page = await NewPage();
        await page.GotoAsync(BaseUrl + "/editor/signin" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.FillAsync("#Key", key);
        await page.ClickAsync("main form button[type=submit]");
        return page;
    }

    public async Task<string> KeyOf(string name)
    {
        lock (_keys)
            if (_keys.TryGetValue(name, out var known)) return known;
        var (exit, output, errors) = await ProgramRun.Run(_schema, new Dictionary<string, string> { ["Claims__EditorKey"] = EditorKey }, "editors", "add", name);
        if (exit != 0) throw new InvalidOperationException($"editors add {name}: {errors}");
        lock (_keys) return _keys[name] = output.Trim();
    }

    /// <summary>Imports a dossier through the API with the editor key, and fails unless it was accepted.</summary>
    public Task Import(System.Text.Json.Nodes.JsonObject dossier) => Post("/api/dossiers", dossier.ToJsonString());

    /// <summary>POSTs JSON with the editor key, and fails unless it succeeded.</summary>
    public async Task Post(string path, string json)
    {
        using var client = new HttpClient(new NamingVersions(new HttpClientHandler()));
        client.DefaultRequestHeaders.Authorization = new("Bearer", EditorKey);
        var response = await client.PostAsync(BaseUrl + path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    private async Task WaitUntilHealthy()
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited) throw new InvalidOperationException($"The program exited with {_app.ExitCode}.");
            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The program did not become healthy.");
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) return Path.Combine(dir.FullName, "src", "Claims.Web");
        throw new InvalidOperationException("Claims.sln not found above the test output folder.");
    }


    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A tracker of its own with nothing loaded, for recording a call from nothing beside the other pages' tests.</summary>
public sealed class EmptyBrowserFixture : BrowserFixture
{
    protected override bool LoadSample => false;
}

[CollectionDefinition(Name)]
public sealed class EmptyBrowserCollection : ICollectionFixture<EmptyBrowserFixture>
{
    public const string Name = "empty-browser";
}
