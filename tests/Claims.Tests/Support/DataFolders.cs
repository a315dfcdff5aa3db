using System.Net.Sockets;

namespace Claims.Tests.Support;

/// <summary>A data folder of its own for a program on its own embedded database, removed afterwards.</summary>
public sealed class DataFolders : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("claims-data-").FullName;

    /// <summary>Settings for a program on its own embedded database in this folder (no connection string).</summary>
    public Dictionary<string, string?> Embedded(params (string Name, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CLAIMS_DATA_DIR"] = Path, ["ConnectionStrings__Marten"] = null, ["Claims__EditorKey"] = null, ["Claims__LoadSample"] = "false"
        };
        foreach (var (name, value) in more) settings[name] = value;
        return settings;
    }

    /// <summary>The port of the cluster's server if one is running (from its postmaster.pid and a connection), else null.</summary>
    public int? ServerPort()
    {
        var pid = System.IO.Path.Combine(Path, "pg", "data", "postmaster.pid");
        if (!File.Exists(pid)) return null;
        try
        {
            var lines = File.ReadAllLines(pid);
            using var client = new TcpClient();
            client.Connect("127.0.0.1", int.Parse(lines[3]));
            return int.Parse(lines[3]);
        }
        catch (Exception e) when (e is IOException or SocketException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Waits until the cluster's server is down (or up), for at most <paramref name="within"/>.</summary>
    public async Task<bool> ServerIs(bool up, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (ServerPort() is not null == up) return true;
            await Task.Delay(200);
        }
        return false;
    }

    public void Dispose()
    {
        if (ServerPort() is not null)
        {
            var stop = new System.Diagnostics.ProcessStartInfo("sh", ["-c", $"runuser -u postgres -- $(ls -d /usr/lib/postgresql/*/bin | tail -1)/pg_ctl -D '{Path}/pg/data' -m immediate stop || pg_ctl -D '{Path}/pg/data' -m immediate stop"]);
            System.Diagnostics.Process.Start(stop)?.WaitForExit();
        }
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
