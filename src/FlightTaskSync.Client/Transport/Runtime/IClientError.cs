using System.Net;
using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>One error of an operation: from the server's <c>errors</c> array, from the HTTP status, or from reading the body.</summary>
internal interface IClientError
{
    /// <summary>Gets a message that says what went wrong.</summary>
    string Message { get; }

    /// <summary>
    /// Gets the error code: the server's <c>extensions.code</c> for a GraphQL error, or one of
    /// <see cref="ClientErrorCodes"/> for an error the client found.
    /// </summary>
    string? Code { get; }

    /// <summary>Gets the path of the field the error belongs to (string and int segments), if known.</summary>
    IReadOnlyList<object>? Path { get; }

    /// <summary>Gets the error's <c>extensions</c> object as the server sent it, if any.</summary>
    JsonElement? Extensions { get; }

    /// <summary>Gets the HTTP status of the response when it was not a success status.</summary>
    HttpStatusCode? StatusCode { get; }

    /// <summary>Gets how long the server asked the client to wait (<c>Retry-After</c>), if it said.</summary>
    TimeSpan? RetryAfter { get; }

    /// <summary>Gets the exception behind the error, when reading the response failed.</summary>
    Exception? Exception { get; }
}
