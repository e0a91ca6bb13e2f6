namespace FlightTaskSync.Client.Tests.Model;

/// <summary>What a status says when printed: what a status bar would show.</summary>
public sealed class SyncStatusTests
{
    private static readonly SyncScope Scope = new("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static readonly SyncStatus[] NeverCompleted =
    [
        new() { Scope = Scope, State = SyncState.NeverSynced },
        new() { Scope = Scope, State = SyncState.NeverSynced, TasksHeld = 100 },
        new() { Scope = Scope, State = SyncState.Syncing, TasksHeld = 100 },
        new() { Scope = Scope, State = SyncState.Retrying, TasksHeld = 100, RetryAttempt = 2, NextAttemptAt = At },
        new() { Scope = Scope, State = SyncState.Failed, LastErrorKind = SyncErrorKind.Unavailable, LastFailedAt = At },
        new() { Scope = Scope, State = SyncState.Idle },
    ];

    [TestCaseSource(nameof(NeverCompleted))]
    public void ToString_NoSyncEverCompleted_SaysSoInsteadOfAnEmptyDate(SyncStatus status)
    {
        var text = status.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Match(@"last synced\s*(,|$)"), "'last synced' with nothing after it");
            Assert.That(text, Does.Contain("never"));
            Assert.That(text, Does.StartWith(Scope.ToString()));
        });
    }

    [Test]
    public void ToString_Idle_SaysWhenItLastSynced()
    {
        var status = new SyncStatus { Scope = Scope, State = SyncState.Idle, TasksHeld = 3, LastSucceededAt = At };

        Assert.That(status.ToString(), Is.EqualTo($"{Scope}: idle, 3 task(s) held, last synced 2026-11-26 08:00:00Z"));
    }

    [Test]
    public void ToString_Retrying_SaysWhichRetryAndWhen()
    {
        var status = new SyncStatus { Scope = Scope, State = SyncState.Retrying, TasksHeld = 3, LastSucceededAt = At, RetryAttempt = 2, NextAttemptAt = At.AddSeconds(30) };

        Assert.That(status.ToString(), Does.Contain("retry 2").And.Contain("08:00:30"));
    }

    [Test]
    public void ToString_Failed_SaysTheKindOfFailure()
    {
        var status = new SyncStatus { Scope = Scope, State = SyncState.Failed, TasksHeld = 3, LastSucceededAt = At, LastErrorKind = SyncErrorKind.Authentication };

        Assert.That(status.ToString(), Does.Contain("failed (Authentication)"));
    }
}
