using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Sdk;

/// <summary>
/// An app's token cache: it hands out its token until the token's lifetime has passed on the
/// clock, then gets a fresh one from the (emulated) identity server.
/// </summary>
internal sealed class ExpiringTokenSource(TimeProvider clock, TimeSpan lifetime)
{
    private readonly object _gate = new();
    private string? _token;
    private DateTimeOffset _issuedAt;

    public int TokensIssued { get; private set; }

    public Func<CancellationToken, Task<string>> Bind(FieldAgentEmulator emulator) => _ =>
    {
        lock (_gate)
        {
            if (_token is null || clock.GetUtcNow() - _issuedAt >= lifetime)
            {
                _token = TokensIssued == 0 ? emulator.AccessToken : emulator.IssueToken();
                _issuedAt = clock.GetUtcNow();
                TokensIssued++;
            }

            return Task.FromResult(_token);
        }
    };
}
