using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Sdk;

/// <summary>Faults of every kind at a high rate: the SDK retries what it should, and the store ends equal to the server.</summary>
public sealed class FaultConvergenceTests
{
    private static readonly EmulatorFault[] EveryRetryableKind =
    [
        EmulatorFault.Latency(TimeSpan.FromMilliseconds(30)),
        EmulatorFault.Status(500),
        EmulatorFault.Status(502),
        EmulatorFault.Status(503),
        EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)),
        EmulatorFault.ConnectionReset(),
        EmulatorFault.TruncatedBody(),
        EmulatorFault.FailedEntries(2),
    ];

    [Test]
    public async Task SyncAsync_ThirtyPercentRetryableFaultsWithEditsBetweenPages_ConvergesInOneSync()
    {
        await using var host = await EmulatorSyncHost.StartAsync(
            new EmulatorOptions { TaskCount = 10_000, Seed = 13, PageSize = 500 },
            o => o.MaxRetryAttempts = 20);
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);
        host.Emulator.Faults.SetRate(0.3, seed: 42, EveryRetryableKind);
        host.Emulator.OnRequest = request =>
        {
            if (request % 7 == 3)
            {
                host.Emulator.Data.EditRandomTasks(10, host.RootOrganization);
                host.Emulator.Data.DeleteRandomTasks(3, host.RootOrganization);
            }
        };

        var report = await host.Sync.SyncAsync(scope);

        Assert.Multiple(() =>
        {
            Assert.That(host.Emulator.Faults.InjectedCount, Is.GreaterThan(5), "the run met faults");
            Assert.That(report.Retries, Is.GreaterThan(0));
            Assert.That(host.Emulator.RequestCount, Is.LessThan(200), "a bounded number of requests");
        });
        host.Emulator.OnRequest = null;
        host.Emulator.Faults.Clear();
        await host.Sync.SyncAsync(scope);
        await host.AssertStoreEqualsServerAsync(scope);
    }

    [Test]
    public async Task SyncAsync_GraphQLErrorsAmongTheFaults_FailSomeSyncsButTheNextOnesConverge()
    {
        await using var host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 4_000, Seed = 17, PageSize = 500 });
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);
        host.Emulator.Faults.SetRate(0.3, seed: 7, [.. EveryRetryableKind, EmulatorFault.GraphQLError()]);

        // What an app does: sync again at the next chance after a failed sync.
        var failures = new List<FlightTaskSyncException>();
        SyncReport? completed = null;
        for (var attempt = 0; attempt < 40 && completed is null; attempt++)
        {
            try
            {
                completed = await host.Sync.SyncAsync(scope);
            }
            catch (FlightTaskSyncRejectedException exception)
            {
                failures.Add(exception);
            }
        }

        Assert.That(completed, Is.Not.Null, "a sync completed within 40 tries");
        host.Emulator.Faults.Clear();
        await host.AssertStoreEqualsServerAsync(scope);
    }
}
