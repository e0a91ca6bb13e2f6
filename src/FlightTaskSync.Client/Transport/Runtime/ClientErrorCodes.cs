namespace FlightTaskSync.Client.Transport;

/// <summary>The codes of the errors the client itself reports in <see cref="IClientError.Code"/>.</summary>
internal static class ClientErrorCodes
{
    /// <summary>The server answered with a status other than 2xx.</summary>
    public const string HttpError = "HTTP_ERROR";

    /// <summary>The body was empty, not JSON, or cut short.</summary>
    public const string ResponseNotJson = "RESPONSE_NOT_JSON";

    /// <summary>The body was JSON but not a response to this operation (missing or mistyped fields).</summary>
    public const string ResponseInvalid = "RESPONSE_INVALID";

    /// <summary>The body was larger than the client accepts.</summary>
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
}
