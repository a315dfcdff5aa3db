using JasperFx;
using Marten.Exceptions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Claims.Web.Features;

/// <summary>
/// Logs a write that lost a race as what it is. Wolverine's executor writes "Invocation of {Message} failed!" at
/// Error, with the stack trace, for every exception a handler throws, before its error policies are consulted; two
/// imports starting the same stream, or two changes to one call, then fill the log with errors although the retry
/// policy (Program.cs) redoes the loser and nothing failed. This logger factory turns exactly those lines (that
/// template, an exception of exactly those types) into one Information line without the stack trace. A webhook whose
/// receiver is down or refuses is a warning of one line, not an error with a stack trace of the HTTP client: the
/// delivery is retried, and kept as a dead letter after the last attempt. Every other error is logged as before.
/// </summary>
public static class ExpectedRetryLogging
{
    public const string WolverineTemplate = "Invocation of {Message} failed!";

    public static void AddExpectedRetryLogging(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No logger factory is registered.");
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new Factory((ILoggerFactory)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp)
                                         ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)))));
    }

    public static bool IsLostRace(Exception? e) => e is ConcurrencyException or ExistingStreamIdCollisionException;

    private sealed class Factory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));
        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);
        public void Dispose() => inner.Dispose();
    }

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error && IsLostRace(exception) && WolverineInvocationFailure(state) is { } message)
            {
                inner.Log(LogLevel.Information, eventId, "{Message} met a concurrent write ({Reason}) and is retried", message, exception!.GetType().Name);
                return;
            }
            if (logLevel == LogLevel.Error && exception is Alerts.WebhookDeliveryFailedException failed)
            {
                inner.Log(LogLevel.Warning, eventId, "Webhook delivery failed: {Reason}", failed.Message);
                return;
            }
            // Wolverine's own line for the retry it then schedules (event 109) says so at Error too.
            if (logLevel == LogLevel.Error && eventId.Id == 109 && formatter(state, exception) is var line
                && line.Contains(nameof(Alerts.DeliverAlert), StringComparison.Ordinal) && line.Contains("rescheduled", StringComparison.Ordinal))
            {
                inner.Log(LogLevel.Information, eventId, "{Line}", line);
                return;
            }
            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        // The message that failed, when the line is Wolverine's "Invocation of {Message} failed!".
        private static object? WolverineInvocationFailure<TState>(TState state) =>
            state is IReadOnlyList<KeyValuePair<string, object?>> values
            && values.Any(v => v.Key == "{OriginalFormat}" && v.Value as string == WolverineTemplate)
                ? values.FirstOrDefault(v => v.Key == "Message").Value ?? "a message"
                : null;
    }
}
