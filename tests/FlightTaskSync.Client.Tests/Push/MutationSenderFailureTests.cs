using System.Net;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using WireMock.ResponseBuilders;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;
using static FlightTaskSync.Client.Tests.Push.SenderHarness;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// What the sender retries and what it never sends twice: a call is retried only when the server
/// surely did not apply it; when it may have, its edits are in doubt.
/// </summary>
public sealed class MutationSenderFailureTests
{
    private static readonly PushCall UpdateCall = Call(PushCallKind.Upsert, UpdateEntry(1, TaskId(1), new FlightTaskChanges { Notes = "a" }));
    private static readonly PushCall CreateCall = Call(PushCallKind.Upsert, CreateEntry(1, "Replant check"));

    private SenderHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _harness = new SenderHarness();
        _harness.Server.Answer = AnswerUpsert;
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    /// <summary>Answers an upsert of one entry: the update applied, or the create made as task 9.</summary>
    private static string AnswerUpsert(System.Text.Json.JsonElement request) =>
        MutationAnswersJson.Upsert(request.GetProperty("variables").GetProperty("flightTasks")[0].TryGetProperty("sentera_id", out _)
            ? MutationAnswersJson.Task(TaskId(1), "h1b", "North")
            : MutationAnswersJson.Task(TaskId(9), "h9", "Replant check"));

    [TestCase(503)]
    [TestCase(502)]
    [TestCase(500)]
    [TestCase(408)]
    public async Task SendAsync_TransientStatusOnACallWithoutCreates_RetriedUntilAnswered(int status)
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.WithStatus(status), FakeResponse.WithStatus(status, "<html>busy</html>"));

        // Act
        var result = await _harness.SendAsync(UpdateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.Answered));
            Assert.That(result.Retries, Is.EqualTo(2));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(3));
            Assert.That(result.Entries.Single().Kind, Is.EqualTo(EditOutcomeKind.Applied));
        });
    }

    [Test]
    public async Task SendAsync_ServiceUnavailableOnACallWithCreates_RetriedAsTheServerSaysItDidNotRunIt()
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.WithStatus(503));

        // Act
        var result = await _harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Entries.Single().NewSenteraId, Is.EqualTo(TaskId(9)));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(2));
        });
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task SendAsync_ServerErrorThatMayComeAfterTheCreateRan_InDoubtNotResent(int status)
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.WithStatus(status));

        // Act
        var result = await _harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.InDoubt));
            Assert.That(result.Failure, Is.TypeOf<FlightTaskSyncUnavailableException>().With.Property("StatusCode").EqualTo((HttpStatusCode)status));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenRetries()
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.TooManyRequests(retryAfterSeconds: 30));

        // Act
        var sending = _harness.SendAsync(CreateCall);
        var delay = await _harness.Clock.TimerStartedAsync(d => d > TimeSpan.Zero && d < _harness.Options.AttemptTimeout);
        var requestsBeforeTheDelay = _harness.Server.Bodies.Count;
        _harness.Clock.Advance(delay);
        var result = await sending;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(requestsBeforeTheDelay, Is.EqualTo(1));
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.Answered));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(2));
            Assert.That(_harness.Logs.Entries.Count(e => e.EventId.Id == 4003), Is.EqualTo(1), "one warning per retry");
        });
    }

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(422)]
    [TestCase(501)]
    public async Task SendAsync_ClientErrorStatus_NotRetriedEditsStayPending(int status)
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.WithStatus(status, """{"errors":[{"message":"bad request"}]}"""));

        // Act
        var result = await _harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.NotSent));
            Assert.That(result.Failure, Is.TypeOf<FlightTaskSyncRejectedException>().With.Message.Contains("bad request"));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task SendAsync_Unauthorized_AsksForAFreshTokenOnceEvenWithRetriesOff()
    {
        // Arrange
        using var harness = new SenderHarness(o => o.MaxRetryAttempts = 0);
        harness.Server.Enqueue(FakeResponse.WithStatus(401));
        harness.Server.Answer = AnswerUpsert;

        // Act
        var result = await harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.Answered));
            Assert.That(harness.TokenRequests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task SendAsync_UnauthorizedTwice_AuthenticationFailureEditsStayPending()
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.WithStatus(401), FakeResponse.WithStatus(401));

        // Act
        var result = await _harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.NotSent));
            Assert.That(result.Failure, Is.TypeOf<FlightTaskSyncAuthenticationException>());
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(2));
        });
    }

    [TestCase(FaultType.EMPTY_RESPONSE)]
    [TestCase(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task SendAsync_ConnectionDroppedOrBodyCutShort_InDoubtAndNeverSentAgain(FaultType fault)
    {
        // Arrange
        _harness.Server.Enqueue(new FakeResponse(200) { Fault = fault });

        // Act
        var result = await _harness.SendAsync(UpdateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.InDoubt));
            Assert.That(result.Failure, Is.TypeOf<FlightTaskSyncUnavailableException>().With.Message.Contains("may have reached the server"));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1));
            Assert.That(_harness.Logs.Entries.Any(e => e.EventId.Id == 4004), "logged as in doubt");
        });
    }

    [Test]
    public async Task SendAsync_BodyNotJson_InDoubt()
    {
        // Arrange
        _harness.Server.Enqueue(FakeResponse.Json("""{"data":{"upsert_flight_tasks":{"succ"""));

        // Act
        var result = await _harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.InDoubt));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task SendAsync_AttemptTimesOutAfterTheServerGotIt_InDoubtNotResent()
    {
        // Arrange: the server holds its answer until the test lets it go.
        using var harness = new SenderHarness(o => o.AttemptTimeout = TimeSpan.FromSeconds(20));
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.OnRequest = async _ =>
        {
            received.TrySetResult();
            await release.Task;
        };
        harness.Server.Answer = AnswerUpsert;

        // Act
        var sending = harness.SendAsync(CreateCall);
        var timeout = await harness.Clock.TimerStartedAsync(d => d == TimeSpan.FromSeconds(20));
        await received.Task;
        harness.Clock.Advance(timeout);
        var result = await sending;
        release.SetResult();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.InDoubt));
            Assert.That(harness.Server.Bodies, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task SendAsync_ConnectionRefused_SurelyNotSentRetriedThenPending()
    {
        // Arrange: a port nothing listens on (the server was there a moment ago).
        using var harness = new SenderHarness(o => o.MaxRetryAttempts = 2);
        harness.Server.Dispose();

        // Act
        var result = await harness.SendAsync(CreateCall);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.NotSent));
            Assert.That(result.Retries, Is.EqualTo(2));
            Assert.That(result.Failure, Is.TypeOf<FlightTaskSyncUnavailableException>().With.Property("Attempts").EqualTo(3));
        });
    }

    [Test]
    public async Task SendAsync_CallerCancelsWhileTheServerHasIt_InDoubtWithTheCancellation()
    {
        // Arrange
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Server.OnRequest = async _ =>
        {
            received.TrySetResult();
            await release.Task;
        };
        using var cancellation = new CancellationTokenSource();

        // Act
        var sending = _harness.SendAsync(CreateCall, cancellation.Token);
        await received.Task;
        await cancellation.CancelAsync();
        var result = await sending;
        release.SetResult();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.InDoubt));
            Assert.That(result.Failure, Is.InstanceOf<OperationCanceledException>());
        });
    }
}
