namespace FlightTaskSync.Client.Transport;

/// <summary>
/// The outcome of one GraphQL operation: the typed data the server returned, if any, and every
/// error met on the way (GraphQL errors, a non-success HTTP status, a body that could not be read).
/// Transport failures (DNS, refused or reset connections, TLS) are thrown, not returned.
/// </summary>
/// <typeparam name="TData">The generated result type of the operation.</typeparam>
internal interface IOperationResult<out TData>
    where TData : class
{
    /// <summary>Gets the data of the response, or <see langword="null"/> when there is none.</summary>
    TData? Data { get; }

    /// <summary>Gets the errors of the response; empty when the operation succeeded.</summary>
    IReadOnlyList<IClientError> Errors { get; }
}
