using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Background;

/// <summary>
/// Syncs the configured scopes in rounds while the host runs: a round at start (after
/// <see cref="FlightTaskBackgroundSyncOptions.InitialDelay"/>), then one every interval with
/// jitter, sooner on request, and further apart (doubling, capped) while rounds fail. Stopping
/// the host cancels the running sync; its committed pages are kept.
/// </summary>
internal sealed class FlightTaskBackgroundSync : BackgroundService, IFlightTaskBackgroundSync
{
    private readonly IFlightTaskSyncClient _client;
    private readonly FlightTaskBackgroundSyncOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<SyncScope, byte> _requested = new();
    private int _allRequested;
    private long _nextRoundTicks;

    public FlightTaskBackgroundSync(IFlightTaskSyncClient client, FlightTaskBackgroundSyncOptions options, TimeProvider timeProvider, ILogger<FlightTaskBackgroundSync> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public DateTimeOffset? NextRoundAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _nextRoundTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Raised as the service starts waiting for its next round, with when that round is due: a seam
    /// for tests, which wait for it instead of polling <see cref="NextRoundAt"/>. The SDK never uses it.
    /// </summary>
    internal event Action<DateTimeOffset>? WaitingForNextRound;

    /// <inheritdoc/>
    public void RequestSync()
    {
        Interlocked.Exchange(ref _allRequested, 1);
        _wake.Writer.TryWrite(true);
    }

    /// <inheritdoc/>
    public void RequestSync(SyncScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _requested.TryAdd(scope, 0);
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BackgroundSyncLog.Started(_logger, _options.Scopes.Count, _options.Interval);
        var failedRounds = 0;
        var timerDue = await WaitAsync(_options.InitialDelay, stoppingToken).ConfigureAwait(false);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var anyFailed = false;
                foreach (var scope in TakeRound(timerDue))
                {
                    try
                    {
                        await _client.SyncAsync(scope, progress: null, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        // Whatever a sync throws, the service goes on (a bug must not stop the app's host);
                        // only the host's own stop ends it.
                        anyFailed = true;
                        BackgroundSyncLog.ScopeFailed(_logger, scope, exception.GetType().Name, failedRounds + 1);
                    }
                }

                failedRounds = anyFailed ? failedRounds + 1 : 0;
                var delay = failedRounds > 0 ? Backoff(failedRounds) : Jittered(_options.Interval);
                BackgroundSyncLog.NextRound(_logger, delay);
                timerDue = await WaitAsync(delay, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the running sync rolled its page back and kept the rest.
        }
        finally
        {
            Interlocked.Exchange(ref _nextRoundTicks, 0);
            BackgroundSyncLog.Stopped(_logger);
        }
    }

    /// <summary>The scopes of the next round: every configured one when the timer fired or a full round was asked for, plus those asked for.</summary>
    private List<SyncScope> TakeRound(bool timerDue)
    {
        var round = new List<SyncScope>();
        if (timerDue | Interlocked.Exchange(ref _allRequested, 0) == 1)
        {
            round.AddRange(_options.Scopes);
        }

        foreach (var scope in _requested.Keys)
        {
            if (_requested.TryRemove(scope, out _) && !round.Contains(scope))
            {
                round.Add(scope);
            }
        }

        return round;
    }

    /// <summary>Waits for the delay or a request, whichever comes first; tells whether the delay ran out.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        var due = _timeProvider.GetUtcNow() + delay;
        Interlocked.Exchange(ref _nextRoundTicks, due.UtcTicks);
        WaitingForNextRound?.Invoke(due);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _timeProvider, waiting.Token);
        var request = _wake.Reader.WaitToReadAsync(waiting.Token).AsTask();
        try
        {
            var first = await Task.WhenAny(timer, request).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            _wake.Reader.TryRead(out _);
            Interlocked.Exchange(ref _nextRoundTicks, 0);
            return first == timer;
        }
        finally
        {
            await waiting.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(timer, request).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int failedRounds)
    {
        var factor = Math.Pow(2, Math.Min(failedRounds - 1, 30));
        var backoff = TimeSpan.FromTicks((long)Math.Min(_options.FailureBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
        return Jittered(backoff);
    }

    private TimeSpan Jittered(TimeSpan delay)
    {
        // Not for security: spreading the rounds of many devices apart.
#pragma warning disable CA5394
        var shift = (Random.Shared.NextDouble() * 2 - 1) * _options.Jitter;
#pragma warning restore CA5394
        return TimeSpan.FromTicks((long)(delay.Ticks * (1 + shift)));
    }
}
