using System.Net.Sockets;
using Claims.Web.Database;

namespace Claims.Tests.Operations;

/// <summary>
/// One embedded cluster, several programs: a serving tracker, commands beside it, a second tracker refused; and
/// whoever is killed with kill -9, the server neither dies under the others nor outlives them all.
/// </summary>
public class EmbeddedClusterTests
{

    [Fact]
    public async Task commands_share_a_serving_tracker_and_a_second_tracker_is_refused()
    {
        using var data = new DataFolders();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var tracker = ProgramRun.Serve(data.Embedded(), "--urls", url);
        (await tracker.Healthy(url, TimeSpan.FromMinutes(1))).ShouldBeTrue(tracker.Printed);
        // What a user sees at start: the key, the database, the address; no list of searched assemblies.
        var printed = tracker.Printed;
        printed.ShouldContain("Claims database: embedded PostgreSQL");
        printed.ShouldContain($"Claims serves on {url} (Ctrl+C stops it)");
        printed.ShouldNotContain("Searching '");
        printed.ShouldNotContain("Content root path");

        var (exit, output, errors) = await ProgramRun.RunWith(data.Embedded(), "discrepancies");
        exit.ShouldBe(0, output + errors);
        data.ServerPort().ShouldNotBeNull();   // the command left; the tracker still uses the server

        var second = await ProgramRun.RunWith(data.Embedded(), "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}");
        second.Exit.ShouldNotBe(0);
        second.Err.ShouldContain("is already serving from");
        (await new HttpClient().GetAsync(url + "/health")).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task a_tracker_killed_with_kill_9_does_not_leave_its_server_running()
    {
        using var data = new DataFolders();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var tracker = ProgramRun.Serve(data.Embedded(), "--urls", url);
        (await tracker.Healthy(url, TimeSpan.FromMinutes(1))).ShouldBeTrue(tracker.Printed);

        tracker.KillHard();
        (await data.ServerIs(up: false, TimeSpan.FromSeconds(15))).ShouldBeTrue("the watchdog stops an orphaned server");

        using var again = ProgramRun.Serve(data.Embedded(), "--urls", url);
        (await again.Healthy(url, TimeSpan.FromMinutes(1))).ShouldBeTrue(again.Printed);
    }

    [Fact]
    public async Task killing_the_tracker_does_not_pull_the_server_from_under_another_program()
    {
        using var data = new DataFolders();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var tracker = ProgramRun.Serve(data.Embedded(), "--urls", url);
        (await tracker.Healthy(url, TimeSpan.FromMinutes(1))).ShouldBeTrue(tracker.Printed);

        // This test process is the other program: it holds a lease as a command does.
        using var other = EmbeddedPostgres.Start(data.Path, use: ClusterUse.Command);
        tracker.KillHard();
        await Task.Delay(TimeSpan.FromSeconds(5));   // more than the watchdog's two seconds
        await using (var connection = new Npgsql.NpgsqlConnection(other.ConnectionString))
        {
            await connection.OpenAsync();   // still served
        }

        other.Stop();   // the last to leave stops it
        data.ServerPort().ShouldBeNull();
    }

    [Fact]
    public async Task a_command_killed_with_kill_9_leaves_the_tracker_serving()
    {
        using var data = new DataFolders();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var tracker = ProgramRun.Serve(data.Embedded(), "--urls", url);
        (await tracker.Healthy(url, TimeSpan.FromMinutes(1))).ShouldBeTrue(tracker.Printed);

        var folder = Directory.CreateTempSubdirectory("claims-import-").FullName;
        for (var i = 0; i < 40; i++)
            await File.WriteAllTextAsync(Path.Combine(folder, $"d{i}.json"), Dossiers.Minimal($"kill-call-{i}", "kill-cn", "kill-us").ToJsonString());
        var command = ProgramRun.Serve(data.Embedded(), "import", folder);
        await Task.Delay(TimeSpan.FromSeconds(3));
        command.KillHard();
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await new HttpClient().GetAsync(url + "/health")).IsSuccessStatusCode.ShouldBeTrue();
        Directory.Delete(folder, recursive: true);
    }
}
