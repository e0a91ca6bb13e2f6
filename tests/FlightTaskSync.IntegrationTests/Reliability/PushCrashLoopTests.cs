using FlightTaskSync.ReliabilityHarness.CrashLoop;

namespace FlightTaskSync.IntegrationTests.Reliability;

/// <summary>
/// The short push crash loop: a child process that edits offline and then syncs is killed with
/// SIGKILL eight times, between edit calls or while its sync pushes, against an emulator process
/// that drops the answer of some mutation requests after applying them. The final state must hold
/// every edit that returned exactly once (no create twice), nothing pending or rejected, the
/// office's renames kept, and the store equal to the server. The full run is a command of the
/// reliability harness (docs/reliability.md).
/// </summary>
public sealed class PushCrashLoopTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task PushCrashLoop_EightKillsDuringEditsAndPushes_EveryEditLandsOnceAndTheStoreEqualsTheServer(CancellationToken cancellationToken)
    {
        var options = new PushCrashLoopOptions
        {
            Kills = 8,
            Tasks = 120,
            PageSize = 60,
            EditsPerRun = 12,
            DroppedAnswerShare = 0.2,
            KillsDuringEditsShare = 0.3,
            FinishEvery = 3,
            Seed = 20261203,
            Log = TestContext.Out.WriteLine,
        };

        var result = await PushCrashLoopHarness.RunAsync(options, cancellationToken);

        foreach (var line in result.Describe())
        {
            await TestContext.Out.WriteLineAsync(line);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Violations, Is.Empty, "exactly once, nothing lost, nothing pending, store equals server");
            Assert.That(result.Kills, Is.EqualTo(8));
            Assert.That(result.KillsDuringSync, Is.GreaterThan(0), "some kills while a sync pushed");
            Assert.That(result.Creates, Is.GreaterThan(0), "some creates returned");
            Assert.That(result.EditsConfirmed, Is.GreaterThan(40));
            Assert.That(result.Converged, Is.True);
        });
    }
}
