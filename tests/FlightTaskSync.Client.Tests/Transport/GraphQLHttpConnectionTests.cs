using System.Net;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FlightTaskSync.Client.Tests.Transport;

public sealed class GraphQLHttpConnectionTests
{
    private WireMockServer _server = null!;
    private HttpClient _httpClient = null!;

    [SetUp]
    public void StartServer()
    {
        _server = LoopbackWireMock.Start();
        _httpClient = new HttpClient { BaseAddress = _server.GraphQLEndpoint() };
    }

    [TearDown]
    public void StopServer()
    {
        _httpClient.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    [Test]
    public async Task ExecuteAsync_Request_PostsOperationNameQueryAndVariablesAsJson()
    {
        Respond(200, """{"data":{"echo":{"value":"ok"}}}""");

        await Execute(["a+b/c==", "second"]);

        var request = _server.LogEntries.Single().RequestMessage;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.AbsolutePath, Is.EqualTo("/graphql"));
            Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(request.Headers["Accept"].Single(), Does.Contain("application/graphql-response+json"));
        });
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("operationName").GetString(), Is.EqualTo("Echo"));
            Assert.That(root.GetProperty("query").GetString(), Does.StartWith("query Echo("));
            Assert.That(
                root.GetProperty("variables").GetProperty("items").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(new[] { "a+b/c==", "second" }));
            Assert.That(request.Body, Does.Contain("\"a+b/c==\""), "'+' is written as is, not as \\u002B");
        });
    }

    [Test]
    public async Task ExecuteAsync_HundredThousandItems_StreamsEveryItemInOrder()
    {
        Respond(200, """{"data":{"echo":{"value":"ok"}}}""");
        var items = Enumerable.Range(0, 100_000).Select(i => $"hash{i:D12}").ToArray();

        var result = await Execute(items);

        Assert.That(result.Errors, Is.Empty);
        using var body = JsonDocument.Parse(_server.LogEntries.Single().RequestMessage.Body!);
        var sent = body.RootElement.GetProperty("variables").GetProperty("items").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.That(sent, Is.EqualTo(items));
    }

    [Test]
    public async Task ExecuteAsync_DataInResponse_ReturnsDataWithoutErrors()
    {
        Respond(200, """{"extensions":{"cost":3},"data":{"echo":{"value":"hello"}}}""");

        var result = await Execute(["x"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Data, Is.EqualTo(new EchoData("hello")));
            Assert.That(result.EnsureNoErrors().Value, Is.EqualTo("hello"));
        });
    }

    [Test]
    public async Task ExecuteAsync_BodyStartsWithAByteOrderMark_ReadsTheResponse()
    {
        // RFC 8259 lets a parser ignore a UTF-8 byte order mark before the JSON text (issue 13).
        RespondBytes(200, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"data":{"echo":{"value":"after the mark"}}}""")]);

        var result = await Execute(["x"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Data, Is.EqualTo(new EchoData("after the mark")));
        });
    }

    [Test]
    public async Task ExecuteAsync_FailedStatusWithAByteOrderMarkBeforeItsErrors_KeepsTheErrors()
    {
        RespondBytes(503, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"errors":[{"message":"maintenance"}]}""")]);

        var result = await Execute(["x"]);

        Assert.That(result.Errors.Select(e => e.Message), Has.Some.EqualTo("maintenance"));
    }

    [Test]
    public async Task ExecuteAsync_GraphQLErrorsWithNullData_ReturnsEachErrorWithCodeAndPath()
    {
        Respond(200, """
            {"errors":[
              {"message":"Organization not found","path":["echo",0,"value"],"extensions":{"code":"NOT_FOUND"}},
              {"message":"Second problem"}
            ],"data":null}
            """);

        var result = await Execute(["x"]);

        Assert.That(result.Data, Is.Null);
        Assert.That(result.Errors, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors[0].Message, Is.EqualTo("Organization not found"));
            Assert.That(result.Errors[0].Code, Is.EqualTo("NOT_FOUND"));
            Assert.That(result.Errors[0].Path, Is.EqualTo(new object[] { "echo", 0, "value" }));
            Assert.That(result.Errors[0].Extensions?.GetProperty("code").GetString(), Is.EqualTo("NOT_FOUND"));
            Assert.That(result.Errors[1].Message, Is.EqualTo("Second problem"));
            Assert.That(result.Errors[1].Code, Is.Null);
            Assert.That(() => result.EnsureNoErrors(), Throws.TypeOf<GraphQLClientException>()
                .With.Message.Contains("Organization not found").And.Message.Contains("2 errors"));
        });
    }

    [Test]
    public async Task ExecuteAsync_PartialDataWithErrors_ReturnsBoth()
    {
        Respond(200, """{"data":{"echo":{"value":"partial"}},"errors":[{"message":"one field failed"}]}""");

        var result = await Execute(["x"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Data?.Value, Is.EqualTo("partial"));
            Assert.That(result.Errors.Select(e => e.Message), Is.EqualTo(new[] { "one field failed" }));
        });
    }

    [Test]
    public async Task ExecuteAsync_ServerErrorWithoutBody_ReturnsHttpErrorWithStatus()
    {
        Respond(500, body: null);

        var result = await Execute(["x"]);

        var error = result.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(error.Code, Is.EqualTo(ClientErrorCodes.HttpError));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(error.RetryAfter, Is.Null);
            Assert.That(error.Message, Does.Contain("500"));
        });
    }

    [Test]
    public async Task ExecuteAsync_ServerErrorWithGraphQLBody_ReturnsStatusAndTheBodysErrors()
    {
        Respond(503, """{"errors":[{"message":"maintenance","extensions":{"code":"UNAVAILABLE"}}]}""");

        var result = await Execute(["x"]);

        Assert.That(result.Errors, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors[0].StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(result.Errors[1].Code, Is.EqualTo("UNAVAILABLE"));
        });
    }

    [Test]
    public async Task ExecuteAsync_TooManyRequestsWithRetryAfterSeconds_ReturnsTheDelay()
    {
        Respond(429, """{"errors":[{"message":"slow down"}]}""", ("Retry-After", "7"));

        var result = await Execute(["x"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors[0].StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(result.Errors[0].RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [Test]
    public async Task ExecuteAsync_TooManyRequestsWithRetryAfterDate_ReturnsTheDelayFromTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        Respond(429, body: null, ("Retry-After", "Thu, 26 Nov 2026 12:00:30 GMT"));
        var connection = new GraphQLHttpConnection(() => _httpClient, clock);

        var result = await connection.ExecuteAsync(new EchoOperation(["x"]), EchoResultParser.Instance, CancellationToken.None);

        Assert.That(result.Errors.Single().RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [TestCase("")]
    [TestCase("   \r\n ")]
    public async Task ExecuteAsync_EmptyBody_ReturnsResponseNotJson(string body)
    {
        Respond(200, body);

        var result = await Execute(["x"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseNotJson));
            Assert.That(result.Errors.Single().Message, Does.Contain("empty body"));
        });
    }

    [TestCase("""{"data":{"echo":{"value":"cut""")]
    [TestCase("<html><body>Bad gateway</body></html>")]
    [TestCase("""{"data":{"echo":{"value":"ok"}}} trailing""")]
    public async Task ExecuteAsync_BodyNotJson_ReturnsResponseNotJson(string body)
    {
        Respond(200, body);

        var result = await Execute(["x"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseNotJson));
            Assert.That(result.Errors.Single().Exception, Is.InstanceOf<JsonException>());
        });
    }

    [TestCase("[1,2,3]")]
    [TestCase("""{"something":"else"}""")]
    [TestCase("""{"data":"text"}""")]
    [TestCase("""{"data":null}""")]
    public async Task ExecuteAsync_JsonThatIsNotAResponse_ReturnsResponseInvalid(string body)
    {
        Respond(200, body);

        var result = await Execute(["x"]);

        Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseInvalid));
    }

    [Test]
    public async Task ExecuteAsync_DataMissingARequiredField_ReturnsResponseInvalidWithThePath()
    {
        Respond(200, """{"data":{"echo":{}},"errors":[{"message":"also this"}]}""");

        var result = await Execute(["x"]);

        Assert.That(result.Data, Is.Null);
        var invalid = result.Errors.Single(e => e.Code == ClientErrorCodes.ResponseInvalid);
        Assert.Multiple(() =>
        {
            Assert.That(invalid.Message, Does.Contain("echo.value"));
            Assert.That(invalid.Path, Is.EqualTo(new object[] { "echo", "value" }));
            Assert.That(result.Errors.Select(e => e.Message), Has.Some.EqualTo("also this"));
        });
    }

    [Test]
    public async Task ExecuteAsync_BodyLargerThanTheLimit_ReturnsResponseTooLarge()
    {
        Respond(200, """{"data":{"echo":{"value":"---------- this body is larger than 32 bytes ----------"}}}""");
        var connection = new GraphQLHttpConnection(() => _httpClient, maxResponseBytes: 32);

        var result = await connection.ExecuteAsync(new EchoOperation(["x"]), EchoResultParser.Instance, CancellationToken.None);

        Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseTooLarge));
    }

    [Test]
    public async Task ExecuteAsync_BodyExactlyAtTheLimit_IsRead()
    {
        const string body = """{"data":{"echo":{"value":"fits"}}}""";
        Respond(200, body);
        var connection = new GraphQLHttpConnection(() => _httpClient, maxResponseBytes: Encoding.UTF8.GetByteCount(body));

        var result = await connection.ExecuteAsync(new EchoOperation(["x"]), EchoResultParser.Instance, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Data?.Value, Is.EqualTo("fits"));
        });
    }

    [Test]
    public void ExecuteAsync_NothingListening_ThrowsHttpRequestException()
    {
        var endpoint = _server.GraphQLEndpoint();
        _server.Stop();
        using var client = new HttpClient { BaseAddress = endpoint };
        var connection = new GraphQLHttpConnection(() => client);

        Assert.That(
            () => connection.ExecuteAsync(new EchoOperation(["x"]), EchoResultParser.Instance, CancellationToken.None),
            Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public void ExecuteAsync_NoEndpoint_ThrowsInvalidOperationExceptionSayingWhatToSet()
    {
        using var client = new HttpClient();
        var connection = new GraphQLHttpConnection(() => client);

        Assert.That(
            () => connection.ExecuteAsync(new EchoOperation(["x"]), EchoResultParser.Instance, CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("BaseAddress"));
    }

    [Test]
    public void ExecuteAsync_CanceledToken_ThrowsOperationCanceledException()
    {
        Respond(200, """{"data":{"echo":{"value":"ok"}}}""");
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        var connection = new GraphQLHttpConnection(() => _httpClient);

        Assert.That(
            () => connection.ExecuteAsync(new EchoOperation(["x"]), EchoResultParser.Instance, canceled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private Task<IOperationResult<EchoData>> Execute(IReadOnlyList<string> items) =>
        new GraphQLHttpConnection(() => _httpClient).ExecuteAsync(new EchoOperation(items), EchoResultParser.Instance, CancellationToken.None);

    private void RespondBytes(int status, byte[] body) =>
        _server.Given(Request.Create().WithPath("/graphql").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private void Respond(int status, string? body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(Encoding.UTF8.GetBytes(body));
        }

        _server.Given(Request.Create().WithPath("/graphql").UsingPost()).RespondWith(response);
    }
}
