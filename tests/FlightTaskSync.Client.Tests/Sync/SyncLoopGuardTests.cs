using FlightTaskSync.Client.Sync;

namespace FlightTaskSync.Client.Tests.Sync;

public sealed class SyncLoopGuardTests
{
    private static readonly SyncScope Scope = new("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333");

    [Test]
    public void Check_FallingRemainingCount_Passes()
    {
        var guard = new SyncLoopGuard(Scope, maxPagesWithoutProgress: 2);

        Assert.That(() =>
        {
            guard.Check(1, changes: 2_000, remainingCount: 6_000);
            guard.Check(2, changes: 2_000, remainingCount: 4_000);
            guard.Check(3, changes: 2_000, remainingCount: 2_000);
        }, Throws.Nothing);
    }

    [Test]
    public void Check_NothingNewWhileTasksRemain_Throws()
    {
        var guard = new SyncLoopGuard(Scope, maxPagesWithoutProgress: 5);

        Assert.That(
            () => guard.Check(4, changes: 0, remainingCount: 12),
            Throws.TypeOf<FlightTaskSyncStalledException>()
                .With.Property(nameof(FlightTaskSyncStalledException.PageNumber)).EqualTo(4)
                .And.Message.Contains("brought nothing new"));
    }

    [Test]
    public void Check_CountHeldForTheAllowedPages_ThrowsOnTheLast()
    {
        var guard = new SyncLoopGuard(Scope, maxPagesWithoutProgress: 2);
        guard.Check(1, changes: 10, remainingCount: 100);
        guard.Check(2, changes: 10, remainingCount: 100);

        Assert.That(() => guard.Check(3, changes: 10, remainingCount: 140), Throws.TypeOf<FlightTaskSyncStalledException>());
    }

    [Test]
    public void Check_CountRisesThenFallsBelowItsLowest_StartsCountingAgain()
    {
        var guard = new SyncLoopGuard(Scope, maxPagesWithoutProgress: 2);
        guard.Check(1, changes: 10, remainingCount: 100);
        guard.Check(2, changes: 10, remainingCount: 130);
        guard.Check(3, changes: 10, remainingCount: 90);

        Assert.That(() => guard.Check(4, changes: 10, remainingCount: 95), Throws.Nothing);
    }
}
