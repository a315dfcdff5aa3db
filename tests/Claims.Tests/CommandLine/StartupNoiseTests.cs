namespace Claims.Tests.CommandLine;

/// <summary>At start a user sees the database line, the key line and the address: no list of searched assemblies, no host chatter.</summary>
public class StartupNoiseTests
{
    [Fact]
    public async Task a_command_prints_its_results_and_the_database_line_only()
    {
        var (exit, output, errors) = await ProgramRun.Run(TestDatabase.NewSchema("noise"), null, "discrepancies", "--topic", "nothing-here");
        exit.ShouldBe(0, errors);
        output.Trim().ShouldBe("No discrepancies match.");
        errors.ShouldNotContain("Searching");
        errors.ShouldNotContain("Application is shutting down");
        errors.ShouldNotContain("Hosting environment");
    }
}
