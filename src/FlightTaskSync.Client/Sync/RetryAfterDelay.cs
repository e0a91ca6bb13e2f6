using System.Net;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The delay the server's answer asks for before the next attempt, shared by the page and the
/// mutation pipelines: none after a 401 (the retry only fetches a fresh token), the
/// <c>Retry-After</c> it sent (capped), or <see langword="null"/> to let the backoff decide.
/// </summary>
internal static class RetryAfterDelay
{
    /// <summary>Reads the delay from a failed attempt's errors.</summary>
    /// <param name="errors">The attempt's errors, or <see langword="null"/> when it threw.</param>
    /// <param name="maxDelay">The longest delay honoured.</param>
    public static TimeSpan? From(IReadOnlyList<IClientError>? errors, TimeSpan maxDelay)
    {
        if (errors is null)
        {
            return null;
        }

        foreach (var error in errors)
        {
            if (error.StatusCode is HttpStatusCode.Unauthorized)
            {
                return TimeSpan.Zero;
            }

            if (error.RetryAfter is { } retryAfter)
            {
                return retryAfter > maxDelay ? maxDelay : retryAfter;
            }
        }

        return null;
    }
}
