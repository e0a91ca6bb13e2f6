using System.Net;
using System.Text;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Tests.Transport;

/// <summary>The connection reads each body once into a pooled buffer, and gives it back on every path.</summary>
public sealed class PooledResponseBodyTests
{
    private static readonly string Org = FakeTask.OrganizationId("pool");

    [Test]
    public async Task ExecuteAsync_PageParser_ReadsThePooledBodyAndReturnsIt()
    {
        var pool = new CountingArrayPool();
        var rows = new CountingArrayPool();
        var json = FakeFieldAgentServer.PageJson(0, [new FakeTask(FakeTask.TaskId(1), Org, "One")]);
        var connection = Connection(_ => Answer(HttpStatusCode.OK, json), pool);

        var result = await connection.ExecuteAsync(new PageRequest(), new SyncPageParser(1, rows), CancellationToken.None);

        using var page = result.Data!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(page.Upserted.Single().SenteraId, Is.EqualTo(FakeTask.TaskId(1)));
            Assert.That(pool.Rented, Is.EqualTo(1), "the body is read once, into one buffer of its declared length");
            Assert.That(pool.Outstanding, Is.Zero, "the body went back once parsed; the page keeps copies");
        });
    }

    [Test]
    public async Task ExecuteAsync_GeneratedParser_GetsACopyItsResultsCanKeep()
    {
        var pool = new CountingArrayPool();
        var json = FakeFieldAgentServer.PageJson(0, [new FakeTask(FakeTask.TaskId(1), Org, "One")]);
        var connection = Connection(_ => Answer(HttpStatusCode.OK, json), pool);

        var result = await connection.ExecuteAsync(new PageRequest(), SyncFlightTasksResultParser.Instance, CancellationToken.None);

        var task = (IRawJsonResult)result.Data!.Sync_flight_tasks.Upserted[0];
        Assert.Multiple(() =>
        {
            Assert.That(pool.Outstanding, Is.Zero);
            Assert.That(Encoding.UTF8.GetString(task.RawJson.Span), Does.StartWith("{\"__typename\":\"FlightTask\"").And.Contain(FakeTask.TaskId(1)),
                "the result's raw JSON is intact after the pooled buffer was returned (and scribbled over)");
        });
    }

    [Test]
    public async Task ExecuteAsync_BodyWithoutLength_GrowsInThePoolAndReturnsEveryBuffer()
    {
        var pool = new CountingArrayPool();
        var json = FakeFieldAgentServer.PageJson(0, Enumerable.Range(1, 300).Select(n => new FakeTask(FakeTask.TaskId(n), Org, $"Task {n}")));
        var connection = Connection(_ => Answer(HttpStatusCode.OK, json, chunked: true), pool);

        var result = await connection.ExecuteAsync(new PageRequest(), new SyncPageParser(1), CancellationToken.None);

        using var page = result.Data!;
        Assert.Multiple(() =>
        {
            Assert.That(page.Upserted, Has.Count.EqualTo(300));
            Assert.That(pool.Rented, Is.GreaterThan(1), "a body without a length starts small and grows");
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ExecuteAsync_BodyTooLarge_IsAnErrorAndReturnsEveryBuffer(bool declared)
    {
        var pool = new CountingArrayPool();
        var json = FakeFieldAgentServer.PageJson(0, Enumerable.Range(1, 50).Select(n => new FakeTask(FakeTask.TaskId(n), Org, $"Task {n}")));
        var connection = new GraphQLHttpConnection(() => Client(_ => Answer(HttpStatusCode.OK, json, chunked: !declared)), maxResponseBytes: 1_000, bodyPool: pool);

        var result = await connection.ExecuteAsync(new PageRequest(), new SyncPageParser(1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseTooLarge));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public async Task ExecuteAsync_FailedStatus_ReadsItsErrorsAndReturnsTheBuffer()
    {
        var pool = new CountingArrayPool();
        var connection = Connection(_ => Answer(HttpStatusCode.BadGateway, """{"errors":[{"message":"upstream down"}]}"""), pool);

        var result = await connection.ExecuteAsync(new PageRequest(), new SyncPageParser(1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(e => e.Message), Has.Some.EqualTo("upstream down"));
            Assert.That(pool.Rented, Is.EqualTo(1));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public void ExecuteAsync_ConnectionBreaksMidBody_ThrowsAndReturnsTheBuffer()
    {
        var pool = new CountingArrayPool();
        var connection = Connection(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) }, pool);

        Assert.ThrowsAsync<IOException>(() => connection.ExecuteAsync(new PageRequest(), new SyncPageParser(1), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(pool.Rented, Is.GreaterThanOrEqualTo(1));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public void ExecuteAsync_CanceledMidBody_ThrowsAndReturnsTheBuffer()
    {
        var pool = new CountingArrayPool();
        using var cancellation = new CancellationTokenSource();
        var connection = Connection(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(cancellation)) }, pool);

        Assert.CatchAsync<OperationCanceledException>(() => connection.ExecuteAsync(new PageRequest(), new SyncPageParser(1), cancellation.Token));

        Assert.That(pool.Outstanding, Is.Zero);
    }

    private static GraphQLHttpConnection Connection(Func<HttpRequestMessage, HttpResponseMessage> answer, CountingArrayPool pool) =>
        new(() => Client(answer), bodyPool: pool);

    private static HttpClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new(new AnsweringHandler(answer)) { BaseAddress = new Uri("http://127.0.0.1:1/graphql") };

    private static HttpResponseMessage Answer(HttpStatusCode status, string json, bool chunked = false)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }

    private sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    /// <summary>Gives 100 bytes of a body, then breaks (or cancels its token and waits to be canceled).</summary>
    private sealed class BreakingStream(CancellationTokenSource? cancel = null) : Stream
    {
        private bool _gave;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_gave)
            {
                _gave = true;
                buffer.Span[..100].Fill((byte)' ');
                return 100;
            }

            if (cancel is null)
            {
                throw new IOException("The connection was reset.");
            }

            await cancel.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class PageRequest : IOperationRequest
    {
        public string OperationName => "SyncFlightTasks";

        public ReadOnlySpan<byte> Document => "query SyncFlightTasks { x }"u8;

        public ValueTask WriteVariablesAsync(System.Text.Json.Utf8JsonWriter writer, CancellationToken cancellationToken)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return ValueTask.CompletedTask;
        }
    }
}
