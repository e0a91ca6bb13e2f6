using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FlightTaskSync.Emulator.Http;

/// <summary>
/// The bearer tokens the emulator accepts, each issued to a user. Each is valid from its issue until
/// it is older than the lifetime (forever without one); issuing a new one leaves the older ones valid
/// until they expire, as with OAuth2 access tokens.
/// </summary>
internal sealed class AccessTokens(TimeProvider timeProvider, TimeSpan? lifetime)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);
    private volatile string _latest = string.Empty;

    /// <summary>The most recently issued token of the emulator's own user (see <see cref="Issue"/>).</summary>
    public string Latest => _latest;

    /// <summary>Issues a token to <paramref name="userSenteraId"/>; when <paramref name="makeLatest"/>, it becomes <see cref="Latest"/>.</summary>
    public string Issue(string userSenteraId, string? token = null, bool makeLatest = true)
    {
        token ??= "fa_" + Base64Url(RandomNumberGenerator.GetBytes(24));
        _issued[token] = new IssuedToken(timeProvider.GetUtcNow(), userSenteraId);
        if (makeLatest)
        {
            _latest = token;
        }

        return token;
    }

    /// <summary>
    /// Checks an <c>Authorization</c> header value: <c>Bearer &lt;token&gt;</c>, scheme in any case.
    /// A valid token gives the user it was issued to.
    /// </summary>
    public TokenCheck Check(string? authorization, out string? userSenteraId)
    {
        const string Scheme = "Bearer ";
        userSenteraId = null;
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Missing;
        }

        var token = authorization[Scheme.Length..].Trim();
        if (token.Length == 0)
        {
            return TokenCheck.Missing;
        }

        if (!_issued.TryGetValue(token, out var issued))
        {
            return TokenCheck.Unknown;
        }

        if (lifetime is { } validFor && timeProvider.GetUtcNow() - issued.IssuedAt >= validFor)
        {
            return TokenCheck.Expired;
        }

        userSenteraId = issued.UserSenteraId;
        return TokenCheck.Valid;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record IssuedToken(DateTimeOffset IssuedAt, string UserSenteraId);
}
