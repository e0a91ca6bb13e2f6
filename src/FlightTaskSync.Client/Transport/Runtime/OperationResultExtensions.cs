namespace FlightTaskSync.Client.Transport;

/// <summary>Helpers on <see cref="IOperationResult{TData}"/>, as StrawberryShake offers them.</summary>
internal static class OperationResultExtensions
{
    /// <summary>Tells whether the result carries any error.</summary>
    public static bool IsErrorResult<TData>(this IOperationResult<TData> result)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.Count > 0;
    }

    /// <summary>Throws a <see cref="GraphQLClientException"/> when the result carries errors.</summary>
    /// <returns>The data of a result without errors.</returns>
    public static TData EnsureNoErrors<TData>(this IOperationResult<TData> result)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors.Count > 0)
        {
            throw new GraphQLClientException(result.Errors);
        }

        return result.Data ?? throw new GraphQLClientException(
            [new ClientError("The response carried neither data nor errors.", ClientErrorCodes.ResponseInvalid)]);
    }
}
