namespace FlightTaskSync.Client.Transport;

/// <summary>Thrown by <see cref="OperationResultExtensions.EnsureNoErrors{TData}"/> when a result carries errors.</summary>
internal sealed class GraphQLClientException : Exception
{
    public GraphQLClientException(IReadOnlyList<IClientError> errors)
        : base(FormatMessage(errors), errors.FirstOrDefault(e => e.Exception is not null)?.Exception)
    {
        Errors = errors;
    }

    /// <summary>Gets the errors of the result.</summary>
    public IReadOnlyList<IClientError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<IClientError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "The GraphQL operation failed.",
            1 => $"The GraphQL operation failed: {errors[0]}",
            _ => $"The GraphQL operation failed with {errors.Count} errors: {string.Join("; ", errors)}",
        };
    }
}
