using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when a timer is armed, so that the test can
/// move the clock exactly when the code under test waits for it: never on a guess of wall time.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<DateTimeOffset> _armed = [];
    private readonly List<(DateTimeOffset Due, TaskCompletionSource Armed)> _waiters = [];

    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Armed(dueTime);
        return new ObservedTimer(this, timer);
    }

    /// <summary>
    /// Completes once a timer due at <paramref name="due"/> has been armed (at once if one was).
    /// A timer due up to a millisecond earlier counts: <see cref="Task.Delay(TimeSpan, TimeProvider)"/>
    /// arms its timer with the delay cut to whole milliseconds.
    /// </summary>
    public Task WhenArmedAsync(DateTimeOffset due)
    {
        lock (_gate)
        {
            if (_armed.Any(armed => Matches(armed, due)))
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((due, waiter));
            return waiter.Task;
        }
    }

    /// <summary>Moves the clock on to <paramref name="at"/> (never back).</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var now = GetUtcNow();
        if (at > now)
        {
            Advance(at - now);
        }
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var due = GetUtcNow() + dueTime;
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _armed.Add(due);
            ready.AddRange(_waiters.Where(w => Matches(due, w.Due)).Select(w => w.Armed));
            _waiters.RemoveAll(w => Matches(due, w.Due));
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult();
        }
    }

    private static bool Matches(DateTimeOffset armed, DateTimeOffset wanted) =>
        armed <= wanted && wanted - armed < TimeSpan.FromMilliseconds(1);

    /// <summary>The fake clock's timer, reporting each re-arm through <see cref="ITimer.Change"/> too.</summary>
    private sealed class ObservedTimer(TestClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
