using Claims.Domain;
using Claims.Web;
using Claims.Web.Commands;
using Claims.Web.Database;
using Claims.Web.Features;
using Claims.Web.Features.Calls;
using Claims.Web.Features.Health;
using Claims.Web.Features.Discrepancies;
using Claims.Web.Features.Alerts;
using Claims.Web.Features.ApiReference;
using Claims.Web.Features.Telemetry;
using Claims.Web.Security;
using Claims.Web.Settings;
using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Marten.Exceptions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
CommandLine.QuietForCommands(builder, args);
builder.LimitRequests();

// The tracker serves on http://127.0.0.1:5080 unless --urls or ASPNETCORE_URLS say otherwise; a command
// (import, discrepancies...) runs its host on a spare loopback port so it can run beside a serving tracker.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls(CommandLine.IsCommand(args) ? "http://127.0.0.1:0" : "http://127.0.0.1:5080");

if (StartupSettings.Check(builder, CommandLine.IsCommand(args), out var badSetting) is not { } settings)
{
    Console.Error.WriteLine($"Claims cannot start: {badSetting}");
    return 1;
}
builder.Services.AddClaimsSettings(builder.Configuration);
builder.Services.AddSingleton(new DiscrepancyCountLimit(settings.CountLimit));
builder.Services.AddSingleton<IndexCounts>();
builder.Services.AddSingleton<CallChoices>();
builder.Services.AddSingleton<CallOrder>();
var webhooks = WebhookSettings.From(settings.Webhooks);
builder.Services.AddWebhooks(webhooks);

string connectionString;
var embedded = string.IsNullOrEmpty(builder.Configuration.GetConnectionString("Marten"));
try
{
    // check reads files only: it starts no database, and the connection string is never opened.
    connectionString = CommandLine.NeedsNoDatabase(args) ? "Host=127.0.0.1;Database=unused"
        : DatabaseSettings.ConnectionString(builder, CommandLine.IsCommand(args) ? ClusterUse.Command : ClusterUse.Serve);
}
catch (EmbeddedPostgresException e)
{
    Console.Error.WriteLine(embedded ? $"Claims cannot start its database: {e.Message}" : $"Claims cannot start: {e.Message}");
    return 1;
}
var schema = settings.StoreSchema;

builder.AddClaimsTelemetry();
builder.Services.AddEditorKey();
builder.Services.AddTrustedProxies();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // A database fault says what happened and when to come back (see DatabaseFaults).
    if (DatabaseFaults.Describe(context.Exception) is not { } fault) return;
    context.ProblemDetails.Detail = fault;
    context.HttpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
});
builder.Services.AddClaimsHealthChecks();
builder.Services.AddExpectedRetryLogging();

builder.Services.AddMarten(opts =>
    {
        ClaimsStore.Configure(opts, connectionString, schema);
        opts.Schema.For<EditorAccount>().UniqueIndex(x => x.KeyHash);
        opts.Schema.For<WebhookSubscription>();
        Claims.Web.Features.Telemetry.Telemetry.TrackMarten(opts);
    })
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup()
    .IntegrateWithWolverine(w =>
    {
        w.MessageStorageSchemaName = schema + "_wolverine";
        // Wolverine runs the async projections, each on exactly one node, so a second node needs no code change.
        w.UseWolverineManagedEventSubscriptionDistribution = true;
    });

builder.Host.UseWolverine(opts =>
{
    // Outside Development the handlers' and endpoints' code is the one generated at build time (Internal/Generated, written
    // by `codegen write`; .ci/run fails when it is stale): no compiler at start. Development generates it at start, so
    // a new endpoint works before it is regenerated. Nothing is ever written at run time.
    opts.CodeGeneration.TypeLoadMode = builder.Environment.IsDevelopment() ? TypeLoadMode.Dynamic : TypeLoadMode.Static;
    opts.CodeGeneration.SourceCodeWritingEnabled = false;
    // A command is no node at all: it never runs or takes over the async projections. A tracker on its own
    // embedded database is the only node there can be, so it starts them at once (Solo); on a shared database,
    // serving nodes share them (Balanced). Claims__Nodes (solo | balanced) says so explicitly.
    opts.Durability.Mode = CommandLine.IsCommand(args) ? DurabilityMode.MediatorOnly
        : (settings.Nodes is { Length: > 0 } nodes ? nodes : embedded ? "solo" : "balanced") == "solo" ? DurabilityMode.Solo
        : DurabilityMode.Balanced;
    opts.Policies.AutoApplyTransactions();
    opts.ConfigureAlerts(webhooks);
    // A write to an unknown call answers 404 with problem details, like every other 404 here.
    opts.EntityDefaults.OnMissing = Wolverine.Persistence.OnMissing.ProblemDetailsWith404;
    // Two imports that start the same call or source stream collide; the loser reloads and decides again.
    opts.OnException<ConcurrencyException>().Or<ExistingStreamIdCollisionException>().RetryWithCooldown(
        TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
});
builder.Services.AddWolverineHttp();
builder.Services.AddRazorPages();
builder.Services.AddHttpHygiene();
builder.Services.AddApiDocument();
builder.Services.AddHostedService<SampleLoader>();
if (!CommandLine.IsCommand(args))
{
    builder.Services.AddHostedService<RulesVersionCheck>();
    builder.Services.AddHostedService<ProjectionSupervisor>();
}

var app = builder.Build();
if (StartupSettings.Recheck(app) is { } changedSetting)
{
    Console.Error.WriteLine($"Claims cannot start: {changedSetting}");
    return 1;
}
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseRequestHygiene();
app.UseHttpHygiene();
app.UseAuthentication();
app.UseAuthorization();
app.MapWolverineEndpoints(opts => opts.MapConcurrencyFailuresToConflict());
app.MapRazorPages();
app.MapClaimsHealth();
app.MapApiDocument();

CommandLine.AnnounceAddress(app, args);
var commandLine = CommandLine.WithRebuildTimeout(args);
if (!RebuildIndexesAside.Applies(args)) return await app.RunJasperFxCommands(commandLine);
var aside = await RebuildIndexesAside.SetAsideAsync(app.Services.GetRequiredService<IDocumentStore>(), connectionString);
var rebuilt = 1;
try
{
    rebuilt = await app.RunJasperFxCommands(commandLine);
}
finally
{
    if (!await aside.RestoreAsync()) rebuilt = 1;
}
return rebuilt;

public partial class Program;
