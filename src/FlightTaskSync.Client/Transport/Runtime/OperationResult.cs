namespace FlightTaskSync.Client.Transport;

/// <inheritdoc cref="IOperationResult{TData}"/>
internal sealed class OperationResult<TData> : IOperationResult<TData>
    where TData : class
{
    public OperationResult(TData? data, IReadOnlyList<IClientError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Data = data;
        Errors = errors;
    }

    /// <inheritdoc/>
    public TData? Data { get; }

    /// <inheritdoc/>
    public IReadOnlyList<IClientError> Errors { get; }
}
