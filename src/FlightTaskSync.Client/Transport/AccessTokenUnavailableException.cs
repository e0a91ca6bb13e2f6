namespace FlightTaskSync.Client.Transport;

/// <summary>
/// The app's token provider could not get a token for a reason of the network (offline, the
/// sign-in service unreachable or slow): a passing failure of the attempt, retried like a request
/// that could not be sent, never a refusal of the user's sign-in. Internal: the sync reports it as
/// <see cref="FlightTaskSyncUnavailableException"/> with the provider's exception inside.
/// </summary>
internal sealed class AccessTokenUnavailableException : Exception
{
    public AccessTokenUnavailableException()
    {
    }

    public AccessTokenUnavailableException(string message)
        : base(message)
    {
    }

    public AccessTokenUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Tells whether <paramref name="exception"/>, or any exception inside it (inner or aggregated),
    /// is a failure of the network: <see cref="HttpRequestException"/>,
    /// <see cref="System.Net.Sockets.SocketException"/>, <see cref="IOException"/>, a timeout or a
    /// cancellation the caller did not ask for.
    /// </summary>
    public static bool IsNetworkFailure(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);

        // Bounded: a chain of exceptions is short; a cycle or a pathological tree stops here.
        for (var seen = 0; pending.Count > 0 && seen < 64; seen++)
        {
            var current = pending.Pop();
            if (current is HttpRequestException { StatusCode: { } status } && IsRefusal(status))
            {
                // The token service answered, and said no (e.g. 400 invalid_grant): a refusal.
                continue;
            }

            if (current is HttpRequestException or System.Net.Sockets.SocketException or IOException or TimeoutException
                or OperationCanceledException or System.Net.WebException)
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }

    private static bool IsRefusal(System.Net.HttpStatusCode status) =>
        (int)status is >= 400 and < 500 and not 408 and not 429;
}
