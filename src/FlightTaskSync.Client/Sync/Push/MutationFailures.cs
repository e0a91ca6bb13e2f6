using System.Net;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Sorts the outcome of an attempt at a mutation call by whether the request can have been applied.
/// The pull retries everything passing; a mutation may only be sent again when the server surely did
/// not apply it, because <c>upsert_flight_tasks</c> has no idempotency key and a create sent twice is
/// a second task.
/// </summary>
internal static class MutationFailures
{
    /// <summary>Classifies an attempt's outcome.</summary>
    /// <param name="result">The result, when the attempt returned one.</param>
    /// <param name="exception">The exception, when it threw.</param>
    /// <param name="hasCreates">Whether the call creates tasks.</param>
    public static MutationFailureClass Classify(IOperationResult<object>? result, Exception? exception, bool hasCreates)
    {
        if (exception is not null)
        {
            return Classify(exception);
        }

        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors.Count == 0)
        {
            return result.Data is null ? MutationFailureClass.InDoubt : MutationFailureClass.Answered;
        }

        // A 2xx whose body could not be read: the server ran the mutation.
        if (result.Errors.Any(e => e.StatusCode is null && e.Code is ClientErrorCodes.ResponseNotJson or ClientErrorCodes.ResponseInvalid or ClientErrorCodes.ResponseTooLarge))
        {
            return MutationFailureClass.InDoubt;
        }

        if (result.Errors.FirstOrDefault(e => e.StatusCode is not null)?.StatusCode is { } status)
        {
            return ClassifyStatus(status, hasCreates);
        }

        // GraphQL errors with data: the entries say what happened.
        if (result.Data is not null)
        {
            return MutationFailureClass.Answered;
        }

        // Without data. A refusal of the caller is made before anything is changed: a token refused
        // is worth one more attempt with a fresh one, as a 401 is; missing rights are not.
        if (result.Errors.Any(e => string.Equals(e.Code, ServerErrorCodes.Unauthenticated, StringComparison.Ordinal)))
        {
            return MutationFailureClass.Unauthorized;
        }

        if (result.Errors.Any(e => string.Equals(e.Code, ServerErrorCodes.Forbidden, StringComparison.Ordinal)))
        {
            return MutationFailureClass.Refused;
        }

        // An error with a path was raised while the mutation ran (a request error, refused before it
        // ran, has none): tasks may have been created before it, so a call with creates is in doubt.
        // An update, a begin or a delete may be sent again.
        return hasCreates && result.Errors.Any(e => e.Path is { Count: > 0 }) ? MutationFailureClass.InDoubt : MutationFailureClass.Refused;
    }

    /// <summary>Classifies an exception thrown by an attempt.</summary>
    public static MutationFailureClass Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            // Thrown by our own handlers before the request went out (no token from the app).
            FlightTaskSyncException => MutationFailureClass.Refused,

            // The connection was never made: nothing reached the server.
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } =>
                MutationFailureClass.Transient,

            // Anything else after the request may have been sent: reset, dropped, timed out, cut short, canceled.
            _ => MutationFailureClass.InDoubt,
        };
    }

    /// <summary>
    /// Classifies an answered HTTP status. 408, 429 and 503 say the request was not processed. Other
    /// server errors (500, 502, 504, ...) may come after the application ran it: retried for a call
    /// without creates (an update or a delete sent twice does no harm, a begin sent twice is
    /// recognised), in doubt for a call with creates.
    /// </summary>
    public static MutationFailureClass ClassifyStatus(HttpStatusCode status, bool hasCreates) => status switch
    {
        HttpStatusCode.Unauthorized => MutationFailureClass.Unauthorized,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => MutationFailureClass.Transient,
        HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => MutationFailureClass.Refused,
        >= HttpStatusCode.InternalServerError => hasCreates ? MutationFailureClass.InDoubt : MutationFailureClass.Transient,
        _ => MutationFailureClass.Refused,
    };
}
