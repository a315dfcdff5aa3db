namespace Claims.Tests.FactChecking;

/// <summary>The program with the sample call and every golden dossier imported, and the daemon caught up.</summary>
public class IndexFixture : AppFixture
{
    public static string[] GoldenFiles =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Dossiers"), "*.json").Where(f => !f.EndsWith(".expected.json")).Order().ToArray();

    protected override bool LoadSample => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var file in GoldenFiles) await Import(await File.ReadAllTextAsync(file));
        await WaitForProjections();
    }
}
