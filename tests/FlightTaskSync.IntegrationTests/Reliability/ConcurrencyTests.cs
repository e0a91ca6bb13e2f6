using FlightTaskSync.ReliabilityHarness.Concurrency;

namespace FlightTaskSync.IntegrationTests.Reliability;

/// <summary>
/// Readers during a sync, two processes on one database, two scopes at once: short versions of
/// the harness's concurrency runs (the full one: the harness's <c>concurrency</c> command).
/// </summary>
public sealed class ConcurrencyTests
{
    [Test]
    [CancelAfter(180_000)]
    public async Task ReaderDuringSync_QueriesWithoutPauseWhileTwentyPagesCommit_NeverSeesBusyOrAnyError(CancellationToken cancellationToken)
    {
        var result = await ReaderDuringSyncHarness.RunAsync(
            new ReaderDuringSyncOptions { Tasks = 10_000, PageSize = 500, Readers = 2, IdleQueries = 300 }, cancellationToken);

        foreach (var line in result.Describe())
        {
            await TestContext.Out.WriteLineAsync(line);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.BusyErrors, Is.Zero);
            Assert.That(result.Pages, Is.EqualTo(20));
            Assert.That(result.LatenciesDuringSyncMs, Has.Count.GreaterThan(20), "the readers ran all through the sync");
            Assert.That(result.LargestCountSeen, Is.GreaterThan(0), "the readers saw committed pages");
            Assert.That(result.Converged, Is.True);
        });
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task TwoProcesses_SameScopeThenTwoScopesOnOneDatabase_SerializeTheScopeAndAllFinish(CancellationToken cancellationToken)
    {
        var result = await TwoProcessHarness.RunAsync(tasks: 4_000, pageSize: 500, cancellationToken);

        foreach (var line in result.Describe())
        {
            await TestContext.Out.WriteLineAsync(line);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations, Is.Empty);
            Assert.That(result.SameScopeFirst!.Completed && result.SameScopeSecond!.Completed, Is.True, "both syncs of the scope finish");
            Assert.That(result.SameScopeSecond!.Waited, Is.True, "the second process waited for the scope's lock");
            Assert.That(result.SameScopeFirst.AllPagesBefore(result.SameScopeSecond), Is.True, "no page of the second came before the first ended");
            Assert.That(result.SameScopeConverged, Is.True);
            Assert.That(result.ScopeA!.Completed && result.ScopeB!.Completed, Is.True, "both scopes' syncs finish");
            Assert.That(result.TwoScopesConverged, Is.True);
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task TwoScopesInOneProcess_SecondSyncsToItsEndWhileTheFirstHoldsItsLock(CancellationToken cancellationToken)
    {
        var result = await ParallelScopesHarness.RunAsync(tasks: 4_000, pageSize: 500, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.SecondFinishedWhileFirstHeld, Is.True);
            Assert.That(result.BothConverged, Is.True);
        });
    }
}
