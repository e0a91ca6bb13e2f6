namespace FlightTaskSync.Client.Transport;

/// <summary>Sends operation requests to a GraphQL endpoint and reads the responses.</summary>
internal interface IGraphQLConnection
{
    /// <summary>Sends <paramref name="request"/> and reads the response with <paramref name="parser"/>.</summary>
    /// <returns>
    /// The result; GraphQL errors, non-success statuses and unreadable bodies are in
    /// <see cref="IOperationResult{TData}.Errors"/>.
    /// </returns>
    /// <exception cref="HttpRequestException">The request could not be sent or the response not received.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<IOperationResult<TData>> ExecuteAsync<TData>(
        IOperationRequest request,
        IOperationResultParser<TData> parser,
        CancellationToken cancellationToken)
        where TData : class;
}
