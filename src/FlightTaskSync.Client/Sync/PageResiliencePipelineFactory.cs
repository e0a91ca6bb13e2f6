using System.Net;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Builds the Polly pipeline that runs around each page request (send, receive, read):
/// retries transient failures with exponential backoff and jitter, honours <c>Retry-After</c>,
/// gives each attempt its own timeout, and asks for a fresh token once after a 401.
/// </summary>
internal static class PageResiliencePipelineFactory
{
    /// <summary>The context key of the <see cref="PageAttempts"/> of the page being fetched.</summary>
    public static readonly ResiliencePropertyKey<PageAttempts> AttemptsKey = new("FlightTaskSync.PageAttempts");

    public static ResiliencePipeline<IOperationResult<SyncPage>> Create(
        FlightTaskSyncOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var builder = new ResiliencePipelineBuilder<IOperationResult<SyncPage>> { TimeProvider = timeProvider };

        // Outermost, and whatever the retry budget: after a 401 the token provider is asked once
        // more (a token that expired during the sync); a second 401 is final.
        builder.AddRetry(new RetryStrategyOptions<IOperationResult<SyncPage>>
        {
            Name = "TokenRefresh",
            MaxRetryAttempts = 1,
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.Zero,
            ShouldHandle = args => ValueTask.FromResult(IsUnauthorized(args.Outcome)),
            OnRetry = args => OnRetry(args.Context, args.RetryDelay, args.Outcome, logger, waits: false),
        });

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<IOperationResult<SyncPage>>
            {
                Name = "TransientFailures",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, options.MaxRetryDelay)),
                OnRetry = args => OnRetry(args.Context, args.RetryDelay, args.Outcome, logger, waits: true),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>
    /// Records a retry (the predicates only judge; what happens is recorded here) and, for a retry
    /// that waits (not the token refresh, which goes at once), tells the sync it is waiting.
    /// </summary>
    private static ValueTask OnRetry(
        ResilienceContext context, TimeSpan delay, Outcome<IOperationResult<SyncPage>> outcome, ILogger logger, bool waits)
    {
        if (context.Properties.TryGetValue(AttemptsKey, out var attempts))
        {
            attempts.Retries++;
            SyncLog.RetryingPage(logger, attempts.Scope, attempts.PageNumber, attempts.Retries, delay, DescribeFailure(outcome));
            if (waits && delay > TimeSpan.Zero)
            {
                attempts.OnRetryScheduled(delay);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Tells whether the server refused the attempt's token (HTTP 401).</summary>
    internal static bool IsUnauthorized(Outcome<IOperationResult<SyncPage>> outcome) =>
        outcome.Result is { } result &&
        (result.Errors.Any(e => e.StatusCode is HttpStatusCode.Unauthorized) || ServerErrorCodes.RefusalOf(result.Errors) is ServerErrorCodes.Unauthenticated);

    /// <summary>Tells whether a failed attempt is worth another one; judges the outcome only, and changes nothing.</summary>
    internal static bool ShouldRetry(Outcome<IOperationResult<SyncPage>> outcome, ResilienceContext context)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                TimeoutRejectedException => true,
                HttpRequestException => true,
                IOException => true,

                // A compressed body that does not inflate: as broken as a body cut short.
                InvalidDataException => true,

                // The token provider could not reach its service: the device is offline.
                AccessTokenUnavailableException => true,

                // A cancellation the caller did not ask for is a connection dropped mid-read.
                OperationCanceledException => !context.CancellationToken.IsCancellationRequested,
                _ => false,
            };
        }

        var result = outcome.Result;
        if (result is null || result.Errors.Count == 0)
        {
            return false;
        }

        // A 401 is the token refresh's to judge (see Create), never a transient failure.
        return !IsUnauthorized(outcome) && result.Errors.Any(IsTransient);
    }

    /// <summary>Tells whether an error of a result is a passing one: 408, 429, most 5xx, a body cut short.</summary>
    internal static bool IsTransient(IClientError error) =>
        error.StatusCode switch
        {
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
            HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
            { } status => (int)status >= 500,
            null => error.Code == ClientErrorCodes.ResponseNotJson,
        };

    private static TimeSpan? ServerDelay(Outcome<IOperationResult<SyncPage>> outcome, TimeSpan maxDelay) =>
        RetryAfterDelay.From(outcome.Result?.Errors, maxDelay);

    private static string DescribeFailure(Outcome<IOperationResult<SyncPage>> outcome) =>
        outcome.Exception is { } exception
            ? $"{exception.GetType().Name}: {exception.Message}"
            : string.Join("; ", outcome.Result?.Errors.Select(e => e.ToString()) ?? []);
}
