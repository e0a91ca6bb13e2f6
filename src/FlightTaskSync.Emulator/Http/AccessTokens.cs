using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FlightTaskSync.Emulator.Http;

/// <summary>
/// The bearer tokens the emulator accepts. Each is valid from its issue until it is older than
/// the lifetime (forever without one); issuing a new one leaves the older ones valid until they
/// expire, as with OAuth2 access tokens.
/// </summary>
internal sealed class AccessTokens(TimeProvider timeProvider, TimeSpan? lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issuedAt = new(StringComparer.Ordinal);
    private volatile string _latest = string.Empty;

    /// <summary>The most recently issued token.</summary>
    public string Latest => _latest;

    public string Issue(string? token = null)
    {
        token ??= "fa_" + Base64Url(RandomNumberGenerator.GetBytes(24));
        _issuedAt[token] = timeProvider.GetUtcNow();
        _latest = token;
        return token;
    }

    /// <summary>Checks an <c>Authorization</c> header value: <c>Bearer &lt;token&gt;</c>, scheme in any case.</summary>
    public TokenCheck Check(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Missing;
        }

        var token = authorization[Scheme.Length..].Trim();
        if (token.Length == 0)
        {
            return TokenCheck.Missing;
        }

        if (!_issuedAt.TryGetValue(token, out var issuedAt))
        {
            return TokenCheck.Unknown;
        }

        return lifetime is { } validFor && timeProvider.GetUtcNow() - issuedAt >= validFor
            ? TokenCheck.Expired
            : TokenCheck.Valid;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
