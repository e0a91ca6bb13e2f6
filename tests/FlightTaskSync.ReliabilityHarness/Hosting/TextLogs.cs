using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.ReliabilityHarness.Hosting;

/// <summary>Keeps every log entry, at every level, as the text a log sink would write: message, values and exception.</summary>
internal sealed class TextLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new TextLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class TextLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            entries.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {{{values}}} {exception}");
        }
    }
}
