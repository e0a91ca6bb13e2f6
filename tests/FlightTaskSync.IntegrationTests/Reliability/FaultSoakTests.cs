using FlightTaskSync.Emulator;
using FlightTaskSync.ReliabilityHarness.Soak;

namespace FlightTaskSync.IntegrationTests.Reliability;

/// <summary>The short fault soak (the full one: the harness's <c>fault-soak</c> command, 20,000 tasks).</summary>
public sealed class FaultSoakTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task FaultSoak_ThirtyPercentFaultsOfEveryKindWithEditsBetweenPages_ConvergesExactlyWithinTheRequestBudget(CancellationToken cancellationToken)
    {
        var options = new FaultSoakOptions { Tasks = 5_000, PageSize = 250, Seed = 31, Log = TestContext.Out.WriteLine };

        var result = await FaultSoakHarness.RunAsync(options, cancellationToken);

        foreach (var line in result.Describe())
        {
            await TestContext.Out.WriteLineAsync(line);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations, Is.Empty);
            Assert.That(result.RoundsConverged, Is.EqualTo(1), "the store equals the server exactly");
            Assert.That(result.BusyErrors, Is.Zero, "no \"database is locked\"");
            Assert.That(result.Requests, Is.LessThanOrEqualTo(result.RequestBudget));
            Assert.That(result.Faults.Where(f => f.Key is not (EmulatorFaultKind.Stalled or EmulatorFaultKind.AppliedThenDropped)).Select(f => f.Value), Has.All.GreaterThan(0), "every kind of fault the soak injects");
            Assert.That(result.Faults.Sum(f => f.Value), Is.GreaterThan(12), "faults beyond the first burst");
            Assert.That(result.FailedSyncs.Keys, Does.Contain(nameof(FlightTaskSync.Client.FlightTaskSyncRejectedException)), "a GraphQL error failed a sync, and the app synced again");
            Assert.That(result.TasksEdited + result.TasksDeleted + result.TasksAdded, Is.GreaterThan(0), "the server changed between pages");
            Assert.That(result.ReaderQueries, Is.GreaterThan(0));
        });
    }
}
