using Claims.Domain.Dossiers;
using Claims.Domain.Exports;
using Claims.Domain.Discrepancies;
using Claims.Domain.Reconciliation;
using Claims.Web.Features;
using Claims.Web.Features.Calls;
using Claims.Web.Features.Discrepancies;
using Claims.Web.Settings;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Options;

namespace Claims.Web.Commands;

public sealed class ExportInput : NetCoreInput
{
    [Description("The call to export")]
    [FlagAlias("call", true)]
    public string CallFlag { get; set; } = "";

    [Description("dossier (re-importable JSON), claimreview (schema.org JSON-LD) or csv (its discrepancies)")]
    [FlagAlias("format", true)]
    public string FormatFlag { get; set; } = "dossier";

    [Description("Write to this file instead of standard output")]
    [FlagAlias("out", true)]
    public string? OutFlag { get; set; }

    [Description("Base URL of the public pages, for ClaimReview and CSV links (default: Claims__PublicUrl, else http://127.0.0.1:5080)")]
    [FlagAlias("url", true)]
    public string? UrlFlag { get; set; }
}

/// <summary><c>export --call ID --format dossier|claimreview|csv [--out FILE]</c>: the API's exports, offline.</summary>
[Description("Export a call as a dossier, as ClaimReview JSON-LD, or its discrepancies as CSV", Name = "export")]
public sealed class ExportCommand : JasperFxAsyncCommand<ExportInput>
{
    private static readonly string[] Formats = ["dossier", "claimreview", "csv"];

    public override async Task<bool> Execute(ExportInput input)
    {
        if (!Formats.Contains(input.FormatFlag))
        {
            Console.Error.WriteLine($"--format must be one of {string.Join(", ", Formats)}, not \"{input.FormatFlag}\"");
            return false;
        }
        if (string.IsNullOrEmpty(input.CallFlag))
        {
            Console.Error.WriteLine("--call is required: the id of the call to export");
            return false;
        }

        using var host = input.BuildHost();
        await host.StartAsync();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var call = await session.LoadAsync<CallReconciliation>(input.CallFlag);
        if (call?.Call is null)
        {
            Console.Error.WriteLine($"No call \"{input.CallFlag}\".");
            await host.StopAsync();
            return false;
        }

        await using var output = input.OutFlag is null ? Console.OpenStandardOutput() : File.Create(CommandLine.FromShell(input.OutFlag, writing: true));
        var settings = host.Services.GetRequiredService<IOptions<ClaimsSettings>>().Value;
        var baseUrl = input.UrlFlag?.TrimEnd('/') ?? PublicUrl.Of(settings);
        switch (input.FormatFlag)
        {
            case "dossier":
                await Write(output, DossierExport.ToJson(call).ToJsonString(Json.Indented));
                break;
            case "claimreview":
                var publisher = ClaimReviewEndpoint.Publisher(settings, baseUrl);
                await Write(output, ClaimReviewExport.For(call, publisher, $"{baseUrl}/calls/{call.Id}").ToJsonString(Json.Indented));
                break;
            case "csv":
                var rows = DiscrepancyRow.AllOf(call).OrderBy(r => r.Topic, StringComparer.Ordinal);
                await using (var writer = new StreamWriter(output, DiscrepancyCsv.Encoding, leaveOpen: true))
                    await DiscrepancyCsv.WriteAsync(rows, writer, baseUrl);
                break;
        }

        if (input.OutFlag is not null) Console.Error.WriteLine($"Wrote {input.FormatFlag} of {call.Id} to {Path.GetFullPath(CommandLine.FromShell(input.OutFlag, writing: true))}");
        await host.StopAsync();
        return true;
    }

    private static async Task Write(Stream output, string text)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(text);
    }
}
