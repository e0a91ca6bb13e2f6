using System.Net.Http.Headers;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Puts <c>Authorization: Bearer &lt;token&gt;</c> on every request, asking the app's token
/// provider each time (the provider caches; a retry after a 401 thereby gets a fresh token).
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly Func<CancellationToken, Task<string>> _accessTokenProvider;

    public BearerTokenHandler(Func<CancellationToken, Task<string>> accessTokenProvider)
    {
        ArgumentNullException.ThrowIfNull(accessTokenProvider);
        _accessTokenProvider = accessTokenProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string token;
        try
        {
            token = await _accessTokenProvider(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (AccessTokenUnavailableException.IsNetworkFailure(exception))
        {
            // Offline, or the sign-in service unreachable: retry later; the user's sign-in is fine.
            throw new AccessTokenUnavailableException(
                $"the AccessTokenProvider could not get a token ({exception.GetType().Name}); the device may be offline",
                exception);
        }
        catch (Exception exception)
        {
            throw new FlightTaskSyncAuthenticationException(
                $"The AccessTokenProvider failed ({exception.GetType().Name}): the app could not get a FieldAgent access token. Sign in again.",
                exception);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new FlightTaskSyncAuthenticationException(
                "The AccessTokenProvider returned an empty access token; it must return the user's current FieldAgent OAuth2 access token.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
