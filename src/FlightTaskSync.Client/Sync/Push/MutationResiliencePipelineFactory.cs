using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Builds the Polly pipeline around each mutation call: like the page pipeline (backoff with
/// jitter, <c>Retry-After</c> honoured, a timeout per attempt, the same options), but it retries
/// only what surely did not reach the server (<see cref="MutationFailures"/>), and the one token
/// refresh after a 401 comes on top of <see cref="FlightTaskSyncOptions.MaxRetryAttempts"/>, so it
/// holds with retries turned off. The predicate only reads; <c>OnRetry</c> records.
/// </summary>
internal static class MutationResiliencePipelineFactory
{
    /// <summary>The context key of the <see cref="MutationAttempts"/> of the call being sent.</summary>
    public static readonly ResiliencePropertyKey<MutationAttempts> AttemptsKey = new("FlightTaskSync.MutationAttempts");

    public static ResiliencePipeline<IOperationResult<object>> Create(FlightTaskSyncOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var transientRetries = options.MaxRetryAttempts;
        return new ResiliencePipelineBuilder<IOperationResult<object>> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<IOperationResult<object>>
            {
                // Room for every transient retry and the one token refresh; ShouldRetry keeps each to its budget.
                MaxRetryAttempts = transientRetries + 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, transientRetries)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay.From(args.Outcome.Result?.Errors, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(AttemptsKey, out var attempts))
                    {
                        attempts.Retries++;
                        if (Classify(args.Outcome, attempts) == MutationFailureClass.Unauthorized)
                        {
                            attempts.TokenRefreshed = true;
                        }

                        PushLog.RetryingCall(logger, attempts.Scope, attempts.Call.Kind, attempts.CallNumber, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Tells whether a failed attempt is worth another: surely not applied, and within its budget.</summary>
    internal static bool ShouldRetry(Outcome<IOperationResult<object>> outcome, ResilienceContext context, int attemptNumber, int transientRetries)
    {
        if (!context.Properties.TryGetValue(AttemptsKey, out var attempts))
        {
            return false;
        }

        return Classify(outcome, attempts) switch
        {
            MutationFailureClass.Unauthorized => !attempts.TokenRefreshed,
            MutationFailureClass.Transient => attemptNumber - (attempts.TokenRefreshed ? 1 : 0) < transientRetries,
            _ => false,
        };
    }

    /// <summary>Classifies an attempt's outcome for the call it belongs to.</summary>
    internal static MutationFailureClass Classify(Outcome<IOperationResult<object>> outcome, MutationAttempts attempts) =>
        MutationFailures.Classify(outcome.Result, outcome.Exception, attempts.Call.HasCreates);

    internal static string Describe(Outcome<IOperationResult<object>> outcome) =>
        outcome.Exception is { } exception
            ? $"{exception.GetType().Name}: {exception.Message}"
            : string.Join("; ", outcome.Result?.Errors.Select(e => e.ToString()) ?? []);
}
