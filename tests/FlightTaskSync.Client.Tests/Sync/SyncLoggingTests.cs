using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>
/// What a sync writes to the app's logs: one concise line per page and per retry, the exception
/// once when the sync fails, and nothing from the HttpClient factory's own loggers.
/// </summary>
public sealed class SyncLoggingTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("logs0001"));

    [Test]
    public async Task SyncAsync_ThreePages_OneDebugLinePerPage_AndNoHttpClientLogs()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 250);
        harness.Server.PageSize = 100;

        await harness.SyncAsync(Scope);

        var entries = harness.Logs.Entries;
        var pageLines = entries.Where(e => e.EventId.Id == 1002).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(IsHttpClientFactoryLog), Is.Empty, "the SDK's HttpClient logs nothing by itself");
            Assert.That(pageLines, Has.Count.EqualTo(3).And.All.Property(nameof(CapturingLoggerProvider.LogEntry.Level)).EqualTo(LogLevel.Debug));
            Assert.That(pageLines.Select(e => e.Values["PageNumber"]), Is.EqualTo(new object[] { 1, 2, 3 }));
            Assert.That(entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.EventId.Id), Is.EqualTo(new[] { 1001, 1003 }), "started and completed");
        });
    }

    [Test]
    public async Task SyncAsync_Offline_OneShortWarningPerRetry_AndTheExceptionOnceWhenItFails()
    {
        await using var harness = new SyncHarness(o =>
        {
            o.MaxRetryAttempts = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        harness.Server.Enqueue([.. Enumerable.Repeat(FakeResponse.DroppedConnection(), 4)]);

        Assert.That(() => harness.SyncAsync(Scope), Throws.TypeOf<FlightTaskSyncUnavailableException>());

        var entries = harness.Logs.Entries;
        var retries = entries.Where(e => e.EventId.Id == 1004).ToList();
        var withException = entries.Where(e => e.Exception is not null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(IsHttpClientFactoryLog), Is.Empty);
            Assert.That(retries, Has.Count.EqualTo(3));
            Assert.That(retries, Has.All.Property(nameof(CapturingLoggerProvider.LogEntry.Level)).EqualTo(LogLevel.Warning));
            Assert.That(retries, Has.All.Property(nameof(CapturingLoggerProvider.LogEntry.Exception)).Null, "no stack trace per attempt");
            Assert.That(retries.Select(e => e.Message), Has.All.Not.Contains('\n').And.All.Contains("retrying in"));
            Assert.That(withException, Has.Count.EqualTo(1), "the failure is logged once");
            Assert.That(withException[0].EventId.Id, Is.EqualTo(1005));
            Assert.That(withException[0].Exception, Is.TypeOf<FlightTaskSyncUnavailableException>());
        });
    }

    private static bool IsHttpClientFactoryLog(CapturingLoggerProvider.LogEntry entry) =>
        entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal);
}
