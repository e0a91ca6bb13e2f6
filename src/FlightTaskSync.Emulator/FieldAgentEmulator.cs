using System.Net;
using FlightTaskSync.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlightTaskSync.Emulator;

/// <summary>
/// A FieldAgent GraphQL server in process: GraphQL.NET executing the SDK's <c>schema.graphql</c>
/// on Kestrel, bound to 127.0.0.1 only, with in-memory data, bearer tokens and fault injection.
/// Start one with <see cref="StartAsync"/>; every member is thread-safe.
/// </summary>
public sealed class FieldAgentEmulator : IAsyncDisposable
{
    /// <summary>The largest request body accepted (larger ones get 413): about 5 million hashes.</summary>
    public const long MaxRequestBodyBytes = 100L * 1024 * 1024;

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly AccessTokens _tokens;
    private readonly ILogger _logger;
    private int _requestCount;
    private volatile Action<int>? _onRequest;
    private int _stopped;

    private FieldAgentEmulator(WebApplication app, EmulatorData data, EmulatorFaults faults, AccessTokens tokens, IReadOnlyList<string> organizationIds, int pageSize, ILogger logger)
    {
        _app = app;
        UserSenteraId = data.UserIds[0];
        Data = data;
        Faults = faults;
        _tokens = tokens;
        OrganizationIds = organizationIds;
        PageSize = pageSize;
        _logger = logger;
        Endpoint = null!;
    }

    /// <summary>The GraphQL endpoint, <c>http://127.0.0.1:&lt;port&gt;/graphql</c>.</summary>
    public Uri Endpoint { get; private set; }

    /// <summary>The most recently issued valid bearer token (see <see cref="IssueToken"/>).</summary>
    public string AccessToken => _tokens.Latest;

    /// <summary>
    /// The user (<c>US</c>) that <see cref="AccessToken"/> and every token from <see cref="IssueToken"/>
    /// belong to: the signed-in pilot. Mutations sent with these tokens record this user as a task's
    /// <c>created_by</c>, <c>updated_by</c> and (when they complete it) <c>completed_by</c>.
    /// </summary>
    public string UserSenteraId { get; }

    /// <summary>The organizations and tasks served; change them at any time.</summary>
    public EmulatorData Data { get; }

    /// <summary>Fault injection.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>The seeded organizations: each root followed by its children.</summary>
    public IReadOnlyList<string> OrganizationIds { get; }

    /// <summary>The most <c>upserted</c> items in one page.</summary>
    public int PageSize { get; }

    /// <summary>The number of <c>POST /graphql</c> requests received so far, whatever their outcome.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>
    /// Called with the request number (1, 2, ...) when a <c>POST /graphql</c> arrives, before
    /// anything else happens to it, so that a test can change the data between two pages.
    /// A callback that throws makes that request answer 500.
    /// </summary>
    public Action<int>? OnRequest
    {
        get => _onRequest;
        set => _onRequest = value;
    }

    /// <summary>Seeds the data, starts Kestrel on 127.0.0.1 and returns once it listens.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<FieldAgentEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate(nameof(options));

        var data = new EmulatorData(options.Seed, options.TimeProvider, options.TombstoneRetention);
        var organizationIds = data.Seed(options.OrganizationCount, options.ChildrenPerOrganization, options.TaskCount);
        var tokens = new AccessTokens(options.TimeProvider, options.TokenLifetime);
        tokens.Issue(data.UserIds[0], options.AccessToken);
        var faults = new EmulatorFaults();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<FieldAgentEmulator>();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FieldAgentEmulator).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        var app = builder.Build();
        var emulator = new FieldAgentEmulator(app, data, faults, tokens, organizationIds, options.PageSize, logger);
        var endpoint = new GraphQLEndpoint(data, faults, tokens, options.PageSize, emulator.BeginRequest, logger);
        app.MapPost("/graphql", endpoint.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        emulator.Endpoint = new Uri(new Uri(address), "/graphql");
        EmulatorLog.Listening(logger, emulator.Endpoint);
        return emulator;
    }

    /// <summary>
    /// Issues a new valid token and makes it <see cref="AccessToken"/>, as a refresh would; the
    /// older tokens stay valid until they are older than <see cref="EmulatorOptions.TokenLifetime"/>.
    /// </summary>
    /// <returns>The new token.</returns>
    public string IssueToken() => _tokens.Issue(UserSenteraId);

    /// <summary>
    /// Issues a valid token for another user (one of <see cref="EmulatorData.UserIds"/>), such as an
    /// office user whose mutations should show as theirs. <see cref="AccessToken"/> does not change.
    /// </summary>
    /// <param name="userSenteraId">The user the token belongs to.</param>
    /// <returns>The new token.</returns>
    /// <exception cref="ArgumentException">The emulator holds no such user.</exception>
    public string IssueTokenFor(string userSenteraId)
    {
        ArgumentNullException.ThrowIfNull(userSenteraId);
        if (!Data.UserIds.Contains(userSenteraId, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The emulator holds no user '{userSenteraId}'; pick one of EmulatorData.UserIds.", nameof(userSenteraId));
        }

        return _tokens.Issue(userSenteraId, makeLatest: false);
    }

    /// <summary>Stops listening (in-flight requests get a few seconds to finish). Safe to call twice.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private int BeginRequest()
    {
        var number = Interlocked.Increment(ref _requestCount);
        try
        {
            _onRequest?.Invoke(number);
        }
        catch (Exception exception)
        {
            EmulatorLog.OnRequestFailed(_logger, number, exception);
            throw;
        }

        return number;
    }
}
