using System.Buffers;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Sends generated operations as HTTP POST requests with a JSON body and reads the responses.
/// GraphQL errors, non-success statuses and unreadable bodies come back in
/// <see cref="IOperationResult{TData}.Errors"/>; failures to send or receive throw.
/// </summary>
internal sealed class GraphQLHttpConnection : IGraphQLConnection
{
    /// <summary>The largest response body read by default: 64 MiB, about 30 times a full 2,000-task page.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue[] AcceptedMediaTypes =
    [
        new("application/graphql-response+json"),
        new("application/json", 0.9),
    ];

    private readonly Func<HttpClient> _createHttpClient;
    private readonly TimeProvider _timeProvider;
    private readonly long _maxResponseBytes;
    private readonly ArrayPool<byte> _bodyPool;

    /// <summary>Creates a connection.</summary>
    /// <param name="createHttpClient">Gives the client to send each request with; its <see cref="HttpClient.BaseAddress"/> is the endpoint.</param>
    /// <param name="timeProvider">The clock that turns a <c>Retry-After</c> date into a delay.</param>
    /// <param name="maxResponseBytes">The largest body read; a larger one is an error of the result.</param>
    /// <param name="bodyPool">Where response bodies are read into; <see cref="ArrayPool{T}.Shared"/> by default.</param>
    public GraphQLHttpConnection(
        Func<HttpClient> createHttpClient, TimeProvider? timeProvider = null, long maxResponseBytes = DefaultMaxResponseBytes, ArrayPool<byte>? bodyPool = null)
    {
        ArgumentNullException.ThrowIfNull(createHttpClient);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResponseBytes, 1);
        _createHttpClient = createHttpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maxResponseBytes = maxResponseBytes;
        _bodyPool = bodyPool ?? ArrayPool<byte>.Shared;
    }

    /// <summary>Creates the connection of a generated client registered in <paramref name="services"/>.</summary>
    /// <param name="services">The service provider; gives <see cref="IHttpClientFactory"/> and, if registered, <see cref="TimeProvider"/>.</param>
    /// <param name="clientName">The name of the client and of its <see cref="HttpClient"/>.</param>
    public static IGraphQLConnection Create(IServiceProvider services, string clientName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        var factory = services.GetRequiredService<IHttpClientFactory>();
        return new GraphQLHttpConnection(() => factory.CreateClient(clientName), services.GetService<TimeProvider>());
    }

    /// <inheritdoc/>
    public async Task<IOperationResult<TData>> ExecuteAsync<TData>(
        IOperationRequest request,
        IOperationResultParser<TData> parser,
        CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parser);

        var client = _createHttpClient();
        if (client.BaseAddress is null)
        {
            throw new InvalidOperationException(
                "The GraphQL client has no endpoint: set HttpClient.BaseAddress with ConfigureHttpClient.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, (Uri?)null)
        {
            Content = new GraphQLRequestContent(request),
        };
        foreach (var mediaType in AcceptedMediaTypes)
        {
            message.Headers.Accept.Add(mediaType);
        }

        using var response = await client
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        using var body = await ResponseBodyReader.ReadAsync(response.Content, _maxResponseBytes, _bodyPool, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return new OperationResult<TData>(null, [new ClientError(
                $"The response body is larger than {_maxResponseBytes:N0} bytes, the most this client reads.",
                ClientErrorCodes.ResponseTooLarge,
                statusCode: response.IsSuccessStatusCode ? null : response.StatusCode)]);
        }

        if (response.IsSuccessStatusCode)
        {
            // The body goes back to its pool when this returns: a parser whose results keep slices
            // of it (the generated ones: raw JSON) reads a copy of its own instead.
            var json = parser.KeepsSlicesOfBody ? body.Memory.ToArray() : body.Memory;
            return GraphQLResponseReader.Read(json, parser);
        }

        // A failed status may still carry a GraphQL body; keep its errors beside the status.
        var errors = new List<IClientError>
        {
            new ClientError(
                $"The server answered HTTP {(int)response.StatusCode} ({DescribeStatus(response)}).",
                ClientErrorCodes.HttpError,
                statusCode: response.StatusCode,
                retryAfter: ReadRetryAfter(response)),
        };
        errors.AddRange(GraphQLResponseReader.ReadErrorsOnly(body.Memory));
        return new OperationResult<TData>(null, errors);
    }

    private static string DescribeStatus(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;

    private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
