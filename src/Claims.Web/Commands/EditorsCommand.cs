using Claims.Web.Security;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace Claims.Web.Commands;

public sealed class EditorsInput : NetCoreInput
{
    [Description("add, list or revoke")]
    public string Action { get; set; } = "list";

    [Description("The editor's name (for add and revoke)")]
    public string Name { get; set; } = "";
}

/// <summary>
/// <c>editors add NAME | list | revoke NAME</c>: each editor gets a key of their own, shown once and stored hashed;
/// revoking it ends the editor's sessions at once. Changes are recorded under the key's holder.
/// </summary>
[Description("Add an editor (printing their key once), list editors, or revoke an editor's key", Name = "editors")]
public sealed class EditorsCommand : JasperFxAsyncCommand<EditorsInput>
{
    public EditorsCommand()
    {
        Usage("List the editors").Arguments(x => x.Action);
        Usage("Add an editor, or revoke one's key").Arguments(x => x.Action, x => x.Name);
    }

    public override async Task<bool> Execute(EditorsInput input)
    {
        if (input.Action is not ("add" or "list" or "revoke"))
        {
            Console.Error.WriteLine($"\"{input.Action}\" is not add, list or revoke. Usage: editors add NAME | editors list | editors revoke NAME");
            return false;
        }
        if (input.Action != "list" && string.IsNullOrWhiteSpace(input.Name))
        {
            Console.Error.WriteLine($"editors {input.Action} needs the editor's name: editors {input.Action} NAME");
            return false;
        }

        using var host = input.BuildHost();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var ok = input.Action switch
        {
            "add" => await Add(store, input.Name),
            "revoke" => await Revoke(store, input.Name),
            _ => await List(store)
        };
        await host.StopAsync();
        return ok;
    }

    private static async Task<bool> Add(IDocumentStore store, string name)
    {
        var (key, problem) = await EditorAccounts.AddAsync(store, name);
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return false;
        }
        // The key alone on standard output, so a script can take it; what it is goes to standard error.
        Console.Error.WriteLine($"Editor \"{name.Trim()}\" added. Their key, shown this once (only its hash is kept):");
        Console.Out.WriteLine(key);
        return true;
    }

    private static async Task<bool> Revoke(IDocumentStore store, string name)
    {
        if (!await EditorAccounts.RevokeAsync(store, name))
        {
            Console.Error.WriteLine($"No editor \"{name.Trim()}\". See: editors list");
            return false;
        }
        Console.Error.WriteLine($"Editor \"{name.Trim()}\"'s key is revoked; their sessions have ended.");
        return true;
    }

    private static async Task<bool> List(IDocumentStore store)
    {
        var table = new Table().AddColumns("Editor", "Added", "Key");
        foreach (var e in await EditorAccounts.ListAsync(store))
            table.AddRow(Markup.Escape(e.Name), e.AddedAt.ToString("yyyy-MM-dd HH:mm 'UTC'"), e.RevokedAt is { } at ? $"revoked {at:yyyy-MM-dd HH:mm 'UTC'}" : "active");
        table.AddRow(EditorAccounts.Administrator, "", "Claims__EditorKey");
        CommandLine.Results.Write(table);
        return true;
    }
}
