using Claims.Web.Features;
using JasperFx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Claims.Tests.Operations;

/// <summary>A write that lost a race and is retried is logged as that, not as an error with a stack trace.</summary>
public partial class ExpectedRetryLoggingTests
{
    [LoggerMessage(Level = LogLevel.Error, Message = ExpectedRetryLogging.WolverineTemplate)]
    private static partial void InvocationFailed(ILogger logger, Exception e, object message);

    [Fact]
    public void wolverines_error_line_for_a_lost_race_becomes_one_information_line_and_every_other_error_stays()
    {
        var captured = new Capture();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(captured).SetMinimumLevel(LogLevel.Trace));
        services.AddExpectedRetryLogging();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Claims.Web.Features.Import.ImportDossier");

        InvocationFailed(logger, new ConcurrencyException("the stream moved on", null!), "ImportDossier");
        InvocationFailed(logger, new InvalidOperationException("a real fault"), "ImportDossier");
        logger.LogError(new ConcurrencyException("given up", null!), "Import refused after retries");

        captured.Lines.ShouldBe([
            (LogLevel.Information, "ImportDossier met a concurrent write (ConcurrencyException) and is retried", false),
            (LogLevel.Error, "Invocation of ImportDossier failed!", true),
            (LogLevel.Error, "Import refused after retries", true),
        ]);
    }

    private sealed class Capture : ILoggerProvider, ILogger
    {
        public List<(LogLevel, string, bool)> Lines { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception), exception is not null));
        public void Dispose() { }
    }
}
