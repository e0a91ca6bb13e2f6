using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlightTaskSync.Emulator.Execution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Emulator.Http;

/// <summary>
/// <c>POST /graphql</c>: counts the request, runs the <c>OnRequest</c> callback, reads
/// <c>{query, variables, operationName}</c>, draws a fault (which may target the operation read),
/// checks the bearer token, executes the request with GraphQL.NET and writes <c>application/json</c>
/// (GraphQL over HTTP).
/// </summary>
internal sealed class GraphQLEndpoint(
    EmulatorData data,
    EmulatorFaults faults,
    AccessTokens tokens,
    int pageSize,
    Func<int> beginRequest,
    ILogger logger)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly DocumentExecuter Executer = new();

    private static readonly GraphQLSerializer Serializer = new(new JsonSerializerOptions
    {
        // Task names carry dashes and apostrophes; keep them readable in the body.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public async Task HandleAsync(HttpContext http)
    {
        var number = beginRequest();
        try
        {
            // The body is read before the fault is drawn, so that a fault can target mutations or a
            // root field; what is wrong with the body is answered later, in the usual order.
            var body = await ReadRequestAsync(http).ConfigureAwait(false);
            var fault = faults.Next(RequestOperation.Of(body.Request));
            if (fault is not null)
            {
                EmulatorLog.FaultInjected(logger, number, fault);
            }

            await AnswerAsync(http, number, body, fault).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or the emulator is stopping): nothing left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext http, int number, RequestBody body, EmulatorFault? fault)
    {
        var aborted = http.RequestAborted;
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.Latency:
                await Task.Delay(fault.Delay, aborted).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.Status:
                await WritePlainAsync(http, fault.StatusCode, "fault injected by the FieldAgent emulator").ConfigureAwait(false);
                return;
            case EmulatorFaultKind.TooManyRequests:
                http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WritePlainAsync(http, StatusCodes.Status429TooManyRequests, "rate limited (fault injected by the FieldAgent emulator)").ConfigureAwait(false);
                return;
            case EmulatorFaultKind.ConnectionReset:
                http.Abort();
                return;
        }

        var check = tokens.Check(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, out var user);
        if (check != TokenCheck.Valid)
        {
            await RejectUnauthenticatedAsync(http, number, check).ConfigureAwait(false);
            return;
        }

        if (body.Request is not { } request)
        {
            await RejectAsync(http, number, body.ProblemStatus, body.Problem!, body.ProblemCode).ConfigureAwait(false);
            return;
        }

        if (fault?.Kind == EmulatorFaultKind.GraphQLError)
        {
            await WriteJsonAsync(http, number, StatusCodes.Status200OK, ErrorBody.Create(fault.ErrorMessage!, fault.ErrorCode!, withNullData: true)).ConfigureAwait(false);
            return;
        }

        var result = await ExecuteAsync(request, number, user!, fault, aborted).ConfigureAwait(false);
        if (fault?.Kind == EmulatorFaultKind.AppliedThenDropped)
        {
            // Executed (a mutation is committed and journaled); the client never hears of it.
            http.Abort();
            return;
        }

        var answer = await SerializeAsync(result, aborted).ConfigureAwait(false);

        // A document that does not parse is a request that cannot be parsed: 400, with the errors.
        var status = result.Errors?.Any(e => e is SyntaxError) == true ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (fault?.Kind == EmulatorFaultKind.TruncatedBody)
        {
            await WriteTruncatedAsync(http, answer).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(http, number, status, answer).ConfigureAwait(false);
    }

    /// <summary>Reads the GraphQL request, or what is wrong with it (answered after the token check).</summary>
    private static async Task<RequestBody> ReadRequestAsync(HttpContext http)
    {
        if (http.Request.ContentType is not null && !http.Request.HasJsonContentType())
        {
            return RequestBody.Rejected(StatusCodes.Status415UnsupportedMediaType, "The body must be application/json.", "UNSUPPORTED_MEDIA_TYPE");
        }

        GraphQLRequest? request;
        try
        {
            request = await Serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return RequestBody.Rejected(StatusCodes.Status400BadRequest, $"The body is not a GraphQL request in JSON: {exception.Message}", "BAD_REQUEST");
        }
        catch (BadHttpRequestException exception)
        {
            return RequestBody.Rejected(exception.StatusCode, exception.Message, "BAD_REQUEST");
        }

        return string.IsNullOrWhiteSpace(request?.Query)
            ? RequestBody.Rejected(StatusCodes.Status400BadRequest, "The request has no query.", "BAD_REQUEST")
            : new RequestBody(request, 0, null, string.Empty);
    }

    private async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, int number, string user, EmulatorFault? fault, CancellationToken cancellationToken)
    {
        var failedEntries = fault?.Kind == EmulatorFaultKind.FailedEntries ? fault.FailedCount : 0;
        var state = new RequestState(data, faults, pageSize, failedEntries, number, user);
        return await Executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = EmulatorSchema.Instance,
            Query = request.Query,
            Variables = request.Variables,
            OperationName = request.OperationName,
            Extensions = request.Extensions,
            UserContext = state.ToUserContext(),
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                EmulatorLog.ResolverFailed(logger, number, context.OriginalException);
                return Task.CompletedTask;
            },
        }).ConfigureAwait(false);
    }

    private static async Task<byte[]> SerializeAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Serializer.WriteAsync(buffer, result, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private async Task WriteJsonAsync(HttpContext http, int number, int status, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        EmulatorLog.Answered(logger, number, status, body.Length);
    }

    /// <summary>Declares the whole length, sends about half, makes sure it left, then aborts.</summary>
    private static async Task WriteTruncatedAsync(HttpContext http, byte[] body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = JsonContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);

        // The flush hands the bytes to the transport; give the socket a moment to send them
        // before the abort, so that the client sees a short body rather than a reset.
        await Task.Delay(TimeSpan.FromMilliseconds(50), http.RequestAborted).ConfigureAwait(false);
        http.Abort();
    }

    private async Task RejectUnauthenticatedAsync(HttpContext http, int number, TokenCheck check)
    {
        var (message, challenge) = check switch
        {
            TokenCheck.Missing => ("A bearer token is required: send 'Authorization: Bearer <access token>'.", "Bearer"),
            TokenCheck.Expired => ("The access token has expired.", "Bearer error=\"invalid_token\", error_description=\"The access token has expired\""),
            _ => ("The access token is not valid.", "Bearer error=\"invalid_token\""),
        };
        http.Response.Headers.WWWAuthenticate = challenge;
        await RejectAsync(http, number, StatusCodes.Status401Unauthorized, message, "UNAUTHENTICATED").ConfigureAwait(false);
    }

    private async Task RejectAsync(HttpContext http, int number, int status, string message, string code)
    {
        EmulatorLog.Rejected(logger, number, status, code);
        await WriteJsonAsync(http, number, status, ErrorBody.Create(message, code)).ConfigureAwait(false);
    }

    private static async Task WritePlainAsync(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        var text = $"{status.ToString(CultureInfo.InvariantCulture)} {ReasonPhrases.GetReasonPhrase(status)}: {reason}\n";
        await http.Response.WriteAsync(text, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A request read from the body, or the status, message and code to reject it with.</summary>
    private sealed record RequestBody(GraphQLRequest? Request, int ProblemStatus, string? Problem, string ProblemCode)
    {
        public static RequestBody Rejected(int status, string problem, string code) => new(null, status, problem, code);
    }
}
