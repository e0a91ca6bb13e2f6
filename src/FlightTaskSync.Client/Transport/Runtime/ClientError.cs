using System.Net;
using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <inheritdoc cref="IClientError"/>
internal sealed class ClientError : IClientError
{
    public ClientError(
        string message,
        string? code = null,
        IReadOnlyList<object>? path = null,
        JsonElement? extensions = null,
        HttpStatusCode? statusCode = null,
        TimeSpan? retryAfter = null,
        Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        Code = code;
        Path = path;
        Extensions = extensions;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Exception = exception;
    }

    /// <inheritdoc/>
    public string Message { get; }

    /// <inheritdoc/>
    public string? Code { get; }

    /// <inheritdoc/>
    public IReadOnlyList<object>? Path { get; }

    /// <inheritdoc/>
    public JsonElement? Extensions { get; }

    /// <inheritdoc/>
    public HttpStatusCode? StatusCode { get; }

    /// <inheritdoc/>
    public TimeSpan? RetryAfter { get; }

    /// <inheritdoc/>
    public Exception? Exception { get; }

    /// <inheritdoc/>
    public override string ToString() => Code is null ? Message : $"{Code}: {Message}";
}
