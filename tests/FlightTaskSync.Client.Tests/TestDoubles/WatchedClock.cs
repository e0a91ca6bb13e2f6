using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when a timer is started and for how long, so that a
/// test advances time exactly when the code waits (a retry's delay, an attempt's timeout), never by
/// guessing with wall-clock loops.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _started = [];
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public WatchedClock()
        : base(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Gets the due times of every timer started so far.</summary>
    public IReadOnlyList<TimeSpan> StartedTimers
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>Completes when a timer whose due time matches is started (or was, and no wait took it yet).</summary>
    public Task<TimeSpan> TimerStartedAsync(Func<TimeSpan, bool> match)
    {
        lock (_gate)
        {
            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var earlier = _unclaimed.FindIndex(d => match(d));
            if (earlier >= 0)
            {
                signal.SetResult(_unclaimed[earlier]);
                _unclaimed.RemoveAt(earlier);
            }
            else
            {
                _waiters.Add((match, signal));
            }

            return signal.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Started(dueTime);
        return timer;
    }

    /// <summary>Records a timer started (created with, or changed to, a finite due time).</summary>
    private void Started(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            _started.Add(dueTime);
            var waiter = _waiters.FindIndex(w => w.Match(dueTime));
            if (waiter >= 0)
            {
                _waiters[waiter].Signal.SetResult(dueTime);
                _waiters.RemoveAt(waiter);
            }
            else
            {
                _unclaimed.Add(dueTime);
            }
        }
    }

    /// <summary>A timer that reports its <see cref="ITimer.Change"/> (a CancellationTokenSource's CancelAfter starts it that way).</summary>
    private sealed class WatchedTimer(WatchedClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Started(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
