namespace Claims.Tests.Operations;

/// <summary>
/// Every bad setting and every damaged data folder stops the program with one clear sentence and a non-zero exit,
/// before anything is written; and the secrets a first start writes are readable by their owner only.
/// </summary>
public class StartupTests
{
    private static Task<(int Exit, string Out, string Err)> Run(DataFolders data, params (string, string?)[] settings) =>
        ProgramRun.RunWith(data.Embedded(settings), "discrepancies");

    private static async Task ShouldStopWith(DataFolders data, string message, params (string, string?)[] settings)
    {
        var (exit, output, errors) = await Run(data, settings);
        exit.ShouldNotBe(0, output + errors);
        errors.ShouldContain("Claims cannot start");
        errors.ShouldContain(message);
        errors.ShouldNotContain("   at ");   // one sentence, no stack trace
    }

    [Theory]
    [InlineData("Claims__Schema", "Bad-Schema", "Claims__Schema is \"Bad-Schema\"")]
    [InlineData("Claims__Schema", "a;drop", "Claims__Schema")]
    [InlineData("Claims__Nodes", "many", "Claims__Nodes is \"many\"")]
    [InlineData("Claims__CountLimit", "0", "Claims__CountLimit")]
    [InlineData("Claims__EditorKey", " ", "Claims__EditorKey is set but empty")]
    [InlineData("Claims__TrustedProxies", "10.0.0.1, nonsense", "Claims__TrustedProxies")]
    [InlineData("ConnectionStrings__Marten", "Host=;Port=notaport", "ConnectionStrings__Marten")]
    [InlineData("ConnectionStrings__Marten", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3", "127.0.0.1:1, database z) cannot be reached")]
    [InlineData("Claims__LoadRecord", "maybe", "Claims__LoadRecord is \"maybe\"; it must be true or false.")]
    [InlineData("Claims__LoadRecord", "true\n", "Claims__LoadRecord is \"true\\n\"")]
    [InlineData("Claims__TopicLabels", "/nonexistent/labels.json", "Claims__TopicLabels names \"/nonexistent/labels.json\"")]
    [InlineData("Claims__LoadRecord", "", "Claims__LoadRecord is \"\"; it must be true or false.")]
    [InlineData("Claims__CountLimit", "abc", "Claims__CountLimit is \"abc\"; it must be a whole number of at least 1 (the default is 5000).")]
    [InlineData("Claims__CountLimit", "+5", "Claims__CountLimit is \"+5\"; it must be a whole number of at least 1 (the default is 5000).")]
    [InlineData("Claims__CountLimit", "99999999999", "Claims__CountLimit is \"99999999999\"")]
    [InlineData("Claims__Webhooks__AllowPrivateAddresses", "yes", "Claims__Webhooks__AllowPrivateAddresses is \"yes\"; it must be true or false.")]
    [InlineData("Claims__Webhooks__RetrySeconds", "x", "Claims__Webhooks__RetrySeconds is \"x\"; it must be up to 20 waits in seconds separated by commas, each from 0.05 to 86400 (such as 2,10,30).")]
    [InlineData("Claims__Webhooks__RetrySeconds", "2,0.01", "Claims__Webhooks__RetrySeconds is \"2,0.01\"")]
    [InlineData("Claims__Webhooks__TimeoutSeconds", "soon", "Claims__Webhooks__TimeoutSeconds is \"soon\"; it must be a number of seconds from 0.1 to 300.")]
    [InlineData("Claims__Webhooks__TimeoutSeconds", "301", "Claims__Webhooks__TimeoutSeconds is \"301\"; it must be a number of seconds from 0.1 to 300.")]
    [InlineData("Claims__Webhooks__TimeoutSeconds", "NaN", "Claims__Webhooks__TimeoutSeconds is \"NaN\"")]
    public async Task a_bad_setting_is_one_sentence_and_a_non_zero_exit(string name, string value, string message)
    {
        using var data = new DataFolders();
        await ShouldStopWith(data, message, (name, value));
        data.ServerPort().ShouldBeNull();   // checked before the database starts
    }

    [Fact]
    public async Task an_editor_key_that_is_a_folder_or_empty_stops_the_start()
    {
        using var data = new DataFolders();
        Directory.CreateDirectory(Path.Combine(data.Path, "editor-key"));
        await ShouldStopWith(data, "editor-key is a folder");

        Directory.Delete(Path.Combine(data.Path, "editor-key"));
        await File.WriteAllTextAsync(Path.Combine(data.Path, "editor-key"), "\n");
        await ShouldStopWith(data, "editor-key is empty");
    }

    [Fact]
    public async Task a_damaged_data_folder_stops_the_start_and_nothing_is_overwritten()
    {
        using var data = new DataFolders();
        var (exit, output, errors) = await Run(data);
        exit.ShouldBe(0, output + errors);
        var password = Path.Combine(data.Path, "pg-password");
        var original = await File.ReadAllTextAsync(password);

        // The password file lost: the cluster is there but cannot be opened.
        File.Move(password, password + ".away");
        await ShouldStopWith(data, "not its password file");
        File.Exists(password).ShouldBeFalse();

        // A wrong password.
        await File.WriteAllTextAsync(password, "not-the-password");
        await ShouldStopWith(data, "does not open the database");
        File.Delete(password);
        File.Move(password + ".away", password);

        // PG_VERSION gone: a damaged cluster is never created over, and the password is not replaced.
        var version = Path.Combine(data.Path, "pg", "data", "PG_VERSION");
        File.Move(version, version + ".away");
        await ShouldStopWith(data, "has no PG_VERSION");
        (await File.ReadAllTextAsync(password)).ShouldBe(original);
        File.Move(version + ".away", version);

        (exit, output, errors) = await Run(data);
        exit.ShouldBe(0, output + errors);   // put back, it starts as before
    }

    [Fact]
    public async Task a_home_folder_that_cannot_be_written_is_a_sentence_not_a_crash()
    {
        // No CLAIMS_DATA_DIR and no key: the key would be made under $HOME, here a path under a file (refused even to root).
        var (exit, output, errors) = await ProgramRun.RunWith(new Dictionary<string, string?>
        {
            ["CLAIMS_DATA_DIR"] = null, ["HOME"] = "/dev/null/home", ["XDG_DATA_HOME"] = null, ["Claims__EditorKey"] = null,
            ["ConnectionStrings__Marten"] = null
        }, "discrepancies");
        exit.ShouldBe(1, output + errors);
        errors.ShouldContain("Claims cannot start: the editor key file /dev/null/home/.local/share/claims/editor-key cannot be used");
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task secrets_are_readable_by_their_owner_only()
    {
        using var data = new DataFolders();
        var (exit, output, errors) = await ProgramRun.RunWith(data.Embedded(), "discrepancies");
        exit.ShouldBe(0, output + errors);
        (await ProgramRun.RunWith(data.Embedded(("Claims__EditorKey", null)), "discrepancies")).Exit.ShouldBe(0);

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.GetUnixFileMode(Path.Combine(data.Path, "pg-password")).ShouldBe(ownerOnly);
        File.GetUnixFileMode(Path.Combine(data.Path, "editor-key")).ShouldBe(ownerOnly);
        var folder = File.GetUnixFileMode(data.Path);
        (folder & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).ShouldBe((UnixFileMode)0);
        File.Exists(Path.Combine(data.Path, "pg", "initdb-password")).ShouldBeFalse();
        data.ServerPort().ShouldBeNull();   // the command was the last to leave: it stopped the server
    }
}
