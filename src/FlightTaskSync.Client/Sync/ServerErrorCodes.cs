namespace FlightTaskSync.Client.Sync;

/// <summary>
/// GraphQL error codes (<c>extensions.code</c>) by which a server that answers HTTP 200 says what
/// others say with a status (PROTOCOL.md: "some GraphQL servers answer 200 with an errors array").
/// The pull and the push read them alike.
/// </summary>
internal static class ServerErrorCodes
{
    /// <summary>The request's token was refused: as a 401, worth one more attempt with a fresh token.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The account has no right to make the request: as a 403.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>
    /// The code of a refusal of the caller among errors that carry no HTTP status (an answer with a
    /// failing status says it by the status), or <see langword="null"/>.
    /// </summary>
    public static string? RefusalOf(IReadOnlyList<Transport.IClientError> errors) =>
        errors.Any(e => e.StatusCode is not null)
            ? null
            : errors.Select(e => e.Code).FirstOrDefault(code => code is Unauthenticated or Forbidden);
}
