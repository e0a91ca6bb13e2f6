using System.ComponentModel.DataAnnotations;

namespace FlightTaskSync.Client;

/// <summary>
/// Settings of FlightTaskSync, given to
/// <c>services.AddFlightTaskSync(options => ...)</c>. <see cref="Endpoint"/>,
/// <see cref="DatabasePath"/> and <see cref="AccessTokenProvider"/> are required; every other
/// setting has a default that suits a field app on a mobile connection.
/// </summary>
public sealed class FlightTaskSyncOptions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> FlightTaskSync sends its requests with. Use it to
    /// add your own handlers: <c>services.AddHttpClient(FlightTaskSyncOptions.HttpClientName).AddHttpMessageHandler(...)</c>.
    /// A registration with a service key uses <see cref="GetHttpClientName(string)"/> instead.
    /// The client logs nothing through <see cref="Microsoft.Extensions.Logging.ILogger"/> by itself (the sync logs each page);
    /// <c>.AddDefaultLogger()</c> on it brings back the HttpClient factory's request logs.
    /// </summary>
    public const string HttpClientName = "FlightTaskSync";

    /// <summary>
    /// Gives the name of the <see cref="HttpClient"/> of a registration made with a service key,
    /// <c>services.AddFlightTaskSync("account-a", options => ...)</c>, to add handlers to it as to
    /// <see cref="HttpClientName"/>.
    /// </summary>
    /// <param name="serviceKey">The service key given to <c>AddFlightTaskSync</c>.</param>
    /// <returns><see cref="HttpClientName"/>, a colon and the key: <c>FlightTaskSync:account-a</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="serviceKey"/> is null, empty or white space.</exception>
    public static string GetHttpClientName(string serviceKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        return HttpClientName + ":" + serviceKey;
    }

    /// <summary>Gets or sets the FieldAgent GraphQL endpoint, e.g. <c>https://api.sentera.com/graphql</c>.</summary>
    /// <value>No default: required. Must be <c>https</c>, or <c>http</c> to a loopback address (an emulator on this machine),
    /// unless <see cref="AllowUnencryptedHttp"/> is set.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the path of the SQLite database file that holds the offline copy.</summary>
    /// <value>No default: required, and a full path: a relative path is refused, as the working directory of an
    /// app (a MAUI app's above all) is often not writable. The folder is created when missing. Use a folder private
    /// to the app, e.g. under <see cref="Environment.SpecialFolder.LocalApplicationData"/>.</value>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// Gets or sets the function that gives a current FieldAgent access token (OAuth2, sent as
    /// <c>Authorization: Bearer</c>). It is called for every request, so it should return a cached
    /// token and refresh it only when it expires. After a 401 it is asked once more before the sync fails.
    /// </summary>
    /// <value>No default: required. It cannot come from configuration: set it in code.</value>
    public Func<CancellationToken, Task<string>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// Gets or sets how many times a failed page request is retried (network errors, timeouts, 408, 429, 5xx).
    /// The one fresh token asked for after a 401 does not count against it, and happens also at 0.
    /// </summary>
    /// <value>The default value is 5; from 0 to 100.</value>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; each further retry waits about twice as long, with jitter.</summary>
    /// <value>The default value is 1 second; from 0 to 10 minutes.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two attempts, <c>Retry-After</c> included.</summary>
    /// <value>The default value is 60 seconds; from 0 to 1 hour, and at least <see cref="RetryBaseDelay"/>.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long one attempt at one page (send, receive and read) may take before it is abandoned and retried.</summary>
    /// <value>The default value is 100 seconds; from 1 second to 1 hour.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Gets or sets how many pages in a row may leave the server's <c>remaining_count</c> where it
    /// was (or raise it) before the sync stops with <see cref="FlightTaskSyncStalledException"/>.
    /// A server that changes tasks during a sync can hold the count for a page or two.
    /// </summary>
    /// <value>The default value is 5; from 1 to 1,000.</value>
    [Range(1, 1000)]
    public int MaxPagesWithoutProgress { get; set; } = 5;

    /// <summary>Gets or sets the largest response body accepted for one page, in bytes.</summary>
    /// <value>The default value is 67,108,864 (64 MiB); a full page of 2,000 tasks is about 2 MiB.</value>
    [Range(1024L, long.MaxValue)]
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Gets or sets how often <see cref="IFlightTaskSyncClient.SyncAsync"/> makes a full resync of a
    /// scope instead of an incremental one: the server may stop reporting old deletions, and a full
    /// resync removes what it no longer has. <see langword="null"/> never does one by itself
    /// (<see cref="IFlightTaskSyncClient.FullResyncAsync"/> still can).
    /// </summary>
    /// <value>The default value is 7 days; from 0 to 3,650 days.</value>
    public TimeSpan? FullResyncInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets what a sync's push does with an offline edit of a task that the server changed
    /// after the edit was made: <see cref="ConflictResolution.MergeFields"/> sends only the
    /// properties the edit changed (the server keeps its other changes);
    /// <see cref="ConflictResolution.ServerWins"/> drops the edit unsent. Either way the conflict is
    /// listed in <see cref="SyncReport.Conflicts"/>. From configuration: <c>"MergeFields"</c> or <c>"ServerWins"</c>.
    /// </summary>
    /// <value>The default value is <see cref="ConflictResolution.MergeFields"/>.</value>
    public ConflictResolution ConflictResolution { get; set; } = ConflictResolution.MergeFields;

    /// <summary>
    /// Gets or sets whether an <c>http://</c> endpoint that is not a loopback address is accepted.
    /// Tokens and tasks would cross the network unencrypted: leave this off outside a lab.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowUnencryptedHttp { get; set; }
}
