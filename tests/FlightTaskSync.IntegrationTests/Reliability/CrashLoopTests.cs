using FlightTaskSync.ReliabilityHarness.CrashLoop;

namespace FlightTaskSync.IntegrationTests.Reliability;

/// <summary>
/// The short crash loop: a child process syncing from an emulator process is killed with SIGKILL
/// ten times, each at a point chosen from the child's own reports (after its report of page k,
/// k = 0 for some kills, then a random part of one page's time), so where the kills land does not
/// depend on the machine's speed. The full run (100 kills, 100,000 tasks) is a command of the
/// reliability harness; see docs/reliability.md.
/// </summary>
public sealed class CrashLoopTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task CrashLoop_TenKillsAtRandomPoints_EveryStoreIsIntactAndTheLastSyncConverges(CancellationToken cancellationToken)
    {
        var options = new CrashLoopOptions { Kills = 10, Tasks = 6_000, PageSize = 500, Seed = 20261127, Log = TestContext.Out.WriteLine };

        var result = await CrashLoopHarness.RunAsync(options, cancellationToken);

        foreach (var line in result.Describe())
        {
            await TestContext.Out.WriteLineAsync(line);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations, Is.Empty, "integrity, hashes the server had, whole pages only");
            Assert.That(result.Kills, Is.EqualTo(10));
            Assert.That(result.IntegrityChecks, Is.GreaterThan(10), "a check after every kill and after the final sync");
            Assert.That(result.KillAims, Has.Some.EqualTo(0), "some kills aimed before the first page");
            Assert.That(result.KillAims, Has.Some.GreaterThan(0), "some kills aimed after a committed page");
            Assert.That(result.KillsMidSync, Is.GreaterThan(0), "some kill landed after a committed page of its sync and before its last page (mid-sync)");
            Assert.That(result.FinalSyncConverged, Is.True);
            Assert.That(result.FinalTaskCount, Is.EqualTo(6_000 + result.TasksCreated));
        });
    }
}
