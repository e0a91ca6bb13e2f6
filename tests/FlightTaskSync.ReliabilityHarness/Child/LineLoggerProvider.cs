using Microsoft.Extensions.Logging;

namespace FlightTaskSync.ReliabilityHarness.Child;

/// <summary>Writes the SDK's log entries as <c>log</c> lines with their event ids, for the parent to read.</summary>
internal sealed class LineLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger();

    public void Dispose()
    {
    }

    private sealed class LineLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                ChildOutput.Write(ChildOutput.Log, eventId.Id, logLevel, formatter(state, exception).ReplaceLineEndings(" "));
            }
        }
    }
}
