using System.Net;
using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>How a sync meets a failing server: what it retries, what it gives up on, and what the store keeps.</summary>
public sealed class FlightTaskSyncClientFailureTests
{
    private static readonly string Acme = FakeTask.OrganizationId("acme001");
    private static readonly SyncScope AcmeScope = new(Acme);

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [TestCase(408)]
    public async Task SyncAsync_TransientStatusTwice_RetriesAndConverges(int status)
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 40);
        harness.Server.Enqueue(FakeResponse.WithStatus(status), FakeResponse.WithStatus(status, "<html>busy</html>"));

        var report = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(report.Retries, Is.EqualTo(2));
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(3));
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_TooManyRequestsWithRetryAfter_WaitsThatLongBeforeTheNextAttempt()
    {
        await using var harness = new SyncHarness(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));
        harness.Server.AddTasks(Acme, 10);
        harness.Server.Enqueue(FakeResponse.TooManyRequests(retryAfterSeconds: 30));

        var report = await harness.SyncAsync(AcmeScope);

        var requests = harness.Server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(report.Retries, Is.EqualTo(1));
            Assert.That(requests[1].ReceivedAt - requests[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_AttemptTimesOut_RetriesAndConverges()
    {
        await using var harness = new SyncHarness(o => o.AttemptTimeout = TimeSpan.FromSeconds(5));
        harness.Server.AddTasks(Acme, 10);
        harness.Server.Enqueue(FakeResponse.Never());

        var sync = harness.SyncAsync(AcmeScope);
        await harness.Server.WhenRequestsReceivedAsync(1);
        var sentAt = harness.Clock.GetUtcNow();

        // The attempt's timeout was armed before the request went out; a second short of it, the
        // attempt is still waiting; at it, the attempt is given up and retried.
        await harness.Clock.WhenArmedAsync(sentAt + TimeSpan.FromSeconds(5));
        harness.Clock.Advance(TimeSpan.FromSeconds(4));
        var requestsBeforeTheTimeout = harness.Server.Requests.Count;
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var report = await sync;

        Assert.Multiple(() =>
        {
            Assert.That(requestsBeforeTheTimeout, Is.EqualTo(1));
            Assert.That(report.Retries, Is.EqualTo(1));
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_ConnectionDroppedOrBodyCutShort_RetriesAndConverges()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 10);
        harness.Server.Enqueue(
            FakeResponse.DroppedConnection(),
            new FakeResponse(200) { Fault = WireMock.ResponseBuilders.FaultType.MALFORMED_RESPONSE_CHUNK },
            FakeResponse.Json("""{"data":{"sync_flight_tasks":{"remaining_count":10,"upse"""));

        var report = await harness.SyncAsync(AcmeScope);

        Assert.That(report.Retries, Is.EqualTo(3));
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_GzipBodyThatDoesNotInflate_RetriesAndConverges()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 10);
        harness.Server.Enqueue(new FakeResponse(200)
        {
            BodyBytes = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03],
            Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" },
        });

        var report = await harness.SyncAsync(AcmeScope);

        Assert.That(report.Retries, Is.EqualTo(1));
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_GzipBodyThatNeverInflates_GivesUpWithUnavailable()
    {
        await using var harness = new SyncHarness(o => o.MaxRetryAttempts = 1);
        var garbage = new FakeResponse(200)
        {
            BodyBytes = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03],
            Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" },
        };
        harness.Server.Enqueue(garbage, garbage);

        var exception = Assert.ThrowsAsync<FlightTaskSyncUnavailableException>(() => harness.SyncAsync(AcmeScope));

        Assert.That(exception!.InnerException, Is.InstanceOf<InvalidDataException>());
    }

    [Test]
    public async Task SyncAsync_ServerKeepsFailing_GivesUpAfterTheConfiguredAttemptsKeepingTheCommittedPages()
    {
        await using var harness = new SyncHarness(o => o.MaxRetryAttempts = 3);
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                harness.Server.Enqueue(Enumerable.Repeat(FakeResponse.WithStatus(503), 10).ToArray());
            }
        };

        var exception = Assert.ThrowsAsync<FlightTaskSyncUnavailableException>(() => harness.SyncAsync(AcmeScope));

        var held = await harness.Store.ListAsync(AcmeScope);
        Assert.Multiple(() =>
        {
            Assert.That(exception!.Attempts, Is.EqualTo(4));
            Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(exception.Message, Does.Contain("sync again"));
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(5));
            Assert.That(held.Select(t => t.SenteraId), Is.EquivalentTo(harness.Server.TasksOf(AcmeScope).Keys.Order(StringComparer.Ordinal).Take(100)));
        });
    }

    [Test]
    public async Task SyncAsync_NothingListening_GivesUpWithUnavailable()
    {
        await using var harness = new SyncHarness(o => o.MaxRetryAttempts = 2);
        harness.Server.Dispose();

        var exception = Assert.ThrowsAsync<FlightTaskSyncUnavailableException>(() => harness.SyncAsync(AcmeScope));

        Assert.That(exception!.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task SyncAsync_BadRequest_IsNotRetried()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.WithStatus(400, """{"errors":[{"message":"content_hashes is too long","extensions":{"code":"BAD_REQUEST"}}]}"""));

        var exception = Assert.ThrowsAsync<FlightTaskSyncRejectedException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(1));
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(exception.ServerErrors, Has.Some.Contains("content_hashes is too long"));
        });
    }

    [Test]
    public async Task SyncAsync_GraphQLErrors_AreNotRetried()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.Json("""{"data":null,"errors":[{"message":"Organization not found","extensions":{"code":"NOT_FOUND"}}]}"""));

        var exception = Assert.ThrowsAsync<FlightTaskSyncRejectedException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(1));
            Assert.That(exception!.ServerErrors, Is.EqualTo(new[] { "NOT_FOUND: Organization not found" }));
        });
    }

    [Test]
    public async Task SyncAsync_Forbidden_IsNotRetried()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.WithStatus(403));

        var exception = Assert.ThrowsAsync<FlightTaskSyncAuthenticationException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(1));
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task SyncAsync_UnauthorizedOnce_AsksForAFreshTokenAndGoesOn()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 5);
        harness.Server.Enqueue(FakeResponse.WithStatus(401));

        var report = await harness.SyncAsync(AcmeScope);

        var requests = harness.Server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(report.Retries, Is.EqualTo(1));
            Assert.That(requests[0].Authorization, Is.EqualTo(new[] { "Bearer token-1" }));
            Assert.That(requests[1].Authorization, Is.EqualTo(new[] { "Bearer token-2" }));
            Assert.That(
                harness.Logs.Entries.Where(e => e.EventId.Id == 1004).Select(e => e.Values["Delay"]),
                Is.EqualTo(new object[] { TimeSpan.Zero }),
                "a token refresh is retried at once");
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_UnauthorizedTwice_FailsAfterOneRefresh()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.WithStatus(401), FakeResponse.WithStatus(401), FakeResponse.WithStatus(401));

        var exception = Assert.ThrowsAsync<FlightTaskSyncAuthenticationException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(2));
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(exception.Message, Does.Contain("sign in again"));
            Assert.That(exception.Message, Does.Not.Contain("token-"), "the token itself never appears in messages");
            Assert.That(harness.Logs.Entries.Select(e => e.Message + e.Exception), Has.None.Contains("token-"), "nor in logs");
            Assert.That(harness.Logs.Entries.Select(e => e.EventId.Id), Does.Contain(1005), "the failure is logged");
        });
    }

    // Servers that answer 200 with an errors array say 401 and 403 with a code (PROTOCOL.md).
    private const string Unauthenticated = """{"data":null,"errors":[{"message":"Invalid token","extensions":{"code":"UNAUTHENTICATED"}}]}""";

    [Test]
    public async Task SyncAsync_GraphQLUnauthenticatedOnce_AsksForAFreshTokenAndGoesOn()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 5);
        harness.Server.Enqueue(FakeResponse.Json(Unauthenticated));

        var report = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests.Select(r => r.Authorization.Single()), Is.EqualTo(new[] { "Bearer token-1", "Bearer token-2" }));
            Assert.That(report.Retries, Is.EqualTo(1));
            Assert.That(report.TasksHeld, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task SyncAsync_GraphQLUnauthenticatedTwice_FailsAsAuthenticationAfterOneRefresh()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.Json(Unauthenticated), FakeResponse.Json(Unauthenticated), FakeResponse.Json(Unauthenticated));

        var exception = Assert.ThrowsAsync<FlightTaskSyncAuthenticationException>(() => harness.SyncAsync(AcmeScope));
        var status = await harness.Client.GetStatusAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(2), "one fresh token, as after a 401");
            Assert.That(exception!.StatusCode, Is.Null, "the answer was HTTP 200");
            Assert.That(exception.Message, Does.Contain("UNAUTHENTICATED").And.Contain("sign in again"));
            Assert.That(status.LastErrorKind, Is.EqualTo(SyncErrorKind.Authentication));
        });
    }

    [Test]
    public async Task SyncAsync_GraphQLForbidden_FailsAsAuthenticationWithoutRetry()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.Json("""{"data":null,"errors":[{"message":"Not allowed","extensions":{"code":"FORBIDDEN"}}]}"""));

        var exception = Assert.ThrowsAsync<FlightTaskSyncAuthenticationException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(1));
            Assert.That(exception!.Message, Does.Contain("FORBIDDEN").And.Contain("rights"));
        });
    }

    [Test]
    public async Task SyncAsync_UnauthorizedOnceWithRetriesTurnedOff_StillAsksForOneFreshToken()
    {
        await using var harness = new SyncHarness(o => o.MaxRetryAttempts = 0);
        harness.Server.AddTasks(Acme, 5);
        harness.Server.Enqueue(FakeResponse.WithStatus(401));

        var report = await harness.SyncAsync(AcmeScope);

        var requests = harness.Server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r.Authorization.Single()), Is.EqualTo(new[] { "Bearer token-1", "Bearer token-2" }));
            Assert.That(report.TasksHeld, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task SyncAsync_UnauthorizedAfterTheRetryBudgetIsSpent_StillGetsItsTokenRefresh()
    {
        await using var harness = new SyncHarness(o => o.MaxRetryAttempts = 1);
        harness.Server.AddTasks(Acme, 5);
        harness.Server.Enqueue(FakeResponse.WithStatus(503), FakeResponse.WithStatus(401));

        var report = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(3), "503, retried; 401, refreshed; then the page");
            Assert.That(harness.Server.Requests[2].Authorization.Single(), Is.EqualTo("Bearer token-3"));
            Assert.That(report.TasksHeld, Is.EqualTo(5));
        });
    }

    [TestCase(0)]
    [TestCase(3)]
    public async Task SyncAsync_UnauthorizedEveryTime_FailsAfterExactlyOneRefreshWhateverTheRetryBudget(int maxRetryAttempts)
    {
        await using var harness = new SyncHarness(o => o.MaxRetryAttempts = maxRetryAttempts);
        harness.Server.Enqueue(Enumerable.Repeat(FakeResponse.WithStatus(401), 10).ToArray());

        Assert.ThrowsAsync<FlightTaskSyncAuthenticationException>(() => harness.SyncAsync(AcmeScope));

        Assert.That(harness.Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SyncAsync_TokenProviderFails_FailsWithAuthentication()
    {
        await using var harness = new SyncHarness(o => o.AccessTokenProvider = _ => throw new InvalidOperationException("refresh token expired"));

        var exception = Assert.ThrowsAsync<FlightTaskSyncAuthenticationException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Is.Empty);
            Assert.That(exception!.InnerException, Is.InstanceOf<InvalidOperationException>());
        });
    }

    private static readonly Exception[] OfflineTokenFailures =
    [
        new HttpRequestException("No such host is known. (login.example.test:443)"),
        new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NetworkUnreachable),
        new IOException("Unable to read data from the transport connection."),
        new TimeoutException("The token endpoint did not answer in time."),
        new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()),
        new InvalidOperationException("Token refresh failed.", new HttpRequestException("Network is unreachable")),
        new AggregateException(new HttpRequestException("Connection refused")),
    ];

    [TestCaseSource(nameof(OfflineTokenFailures))]
    public async Task SyncAsync_TokenProviderFailsForLackOfNetwork_IsUnavailableAndRetriedNotAuthentication(Exception offline)
    {
        var asked = 0;
        await using var harness = new SyncHarness(o =>
        {
            o.MaxRetryAttempts = 2;
            o.AccessTokenProvider = _ =>
            {
                Interlocked.Increment(ref asked);
                throw offline;
            };
        });

        var thrown = Assert.CatchAsync<FlightTaskSyncException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskSyncUnavailableException>(), "offline is retried later, not sent to the sign-in screen");
            Assert.That(thrown!.Message, Does.Not.Contain("Sign in again").IgnoreCase);
            Assert.That(thrown.InnerException, Is.SameAs(offline));
            Assert.That(((FlightTaskSyncUnavailableException)thrown).Attempts, Is.EqualTo(3));
            Assert.That(asked, Is.EqualTo(3), "asked again on each retry, as a request that could not be sent");
            Assert.That(harness.Server.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task SyncAsync_TokenProviderRefusesWithANetworkErrorDeepInside_IsStillUnavailable()
    {
        var offline = new InvalidOperationException("outer", new InvalidOperationException("middle", new System.Net.Sockets.SocketException()));
        await using var harness = new SyncHarness(o =>
        {
            o.MaxRetryAttempts = 0;
            o.AccessTokenProvider = _ => throw offline;
        });

        var thrown = Assert.CatchAsync<FlightTaskSyncException>(() => harness.SyncAsync(AcmeScope));

        Assert.That(thrown, Is.TypeOf<FlightTaskSyncUnavailableException>());
    }

    [Test]
    public async Task SyncAsync_TokenServiceAnswersWithARefusal_FailsWithAuthentication()
    {
        var refused = new InvalidOperationException("Token refresh failed.", new HttpRequestException("invalid_grant", null, HttpStatusCode.BadRequest));
        await using var harness = new SyncHarness(o => o.AccessTokenProvider = _ => throw refused);

        var thrown = Assert.CatchAsync<FlightTaskSyncException>(() => harness.SyncAsync(AcmeScope));

        Assert.That(thrown, Is.TypeOf<FlightTaskSyncAuthenticationException>(), "the token service answered, and said no");
    }

    [Test]
    public async Task SyncAsync_ServerSendsTheSamePageForever_StopsWithStalled()
    {
        await using var harness = new SyncHarness();
        var task = new FakeTask(FakeTask.TaskId(1), Acme, "Stuck");
        var samePage = FakeResponse.Json(FakeFieldAgentServer.PageJson(remainingCount: 100, [task]));
        harness.Server.Enqueue(Enumerable.Repeat(samePage, 50).ToArray());

        var exception = Assert.ThrowsAsync<FlightTaskSyncStalledException>(() => harness.SyncAsync(AcmeScope));

        var held = await harness.Store.CountAsync(AcmeScope);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(2));
            Assert.That(exception!.PageNumber, Is.EqualTo(2));
            Assert.That(exception.RemainingCount, Is.EqualTo(100));
            Assert.That(held, Is.EqualTo(1), "what the first page brought is kept");
        });
    }

    [Test]
    public async Task SyncAsync_RemainingCountNeverFalls_StopsWithStalledAfterTheConfiguredPages()
    {
        await using var harness = new SyncHarness(o => o.MaxPagesWithoutProgress = 3);
        var pages = Enumerable.Range(1, 20)
            .Select(n => FakeResponse.Json(FakeFieldAgentServer.PageJson(remainingCount: 500, [new FakeTask(FakeTask.TaskId(n), Acme, $"Task {n}")])))
            .ToArray();
        harness.Server.Enqueue(pages);

        var exception = Assert.ThrowsAsync<FlightTaskSyncStalledException>(() => harness.SyncAsync(AcmeScope));

        var held = await harness.Store.CountAsync(AcmeScope);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(4));
            Assert.That(exception!.PageNumber, Is.EqualTo(4));
            Assert.That(held, Is.EqualTo(4));
        });
    }

    [TestCase("content_hash", "upserted[0].content_hash")]
    [TestCase("both", "both upserted and deleted")]
    [TestCase("twice", "upserted twice")]
    [TestCase("negative", "negative remaining count")]
    [TestCase("field", "'Field', not a FlightTask")]
    [TestCase("status", "upserted[0].status: expected a TaskStatus value")]
    public async Task SyncAsync_MalformedPageInTheMiddle_FailsAndKeepsThePagesBefore(string fault, string expectedInMessage)
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        var a = new FakeTask(FakeTask.TaskId(9_001), Acme, "A");
        var b = new FakeTask(FakeTask.TaskId(9_002), Acme, "B");
        var bad = fault switch
        {
            "content_hash" => FakeFieldAgentServer.PageJson(5, [a]).Replace($"\"content_hash\":\"{a.ContentHash}\",", string.Empty, StringComparison.Ordinal),
            "both" => FakeFieldAgentServer.PageJson(5, [a, b], [b]),
            "twice" => FakeFieldAgentServer.PageJson(5, [a, b, a]),
            "negative" => FakeFieldAgentServer.PageJson(-1, [a]),
            "field" => FakeFieldAgentServer.PageJson(5, [a]).Replace("{\"__typename\":\"FlightTask\"", "{\"__typename\":\"Field\"", StringComparison.Ordinal),
            _ => FakeFieldAgentServer.PageJson(5, [a]).Replace("\"status\":\"OPEN\"", "\"status\":7", StringComparison.Ordinal),
        };
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                harness.Server.Enqueue(FakeResponse.Json(bad));
            }
        };

        var exception = Assert.ThrowsAsync<FlightTaskSyncInvalidResponseException>(() => harness.SyncAsync(AcmeScope));

        var held = await harness.Store.ListAsync(AcmeScope);
        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain(expectedInMessage));
            Assert.That(exception.PageNumber, Is.EqualTo(2));
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(2), "a malformed page is not asked for again");
            Assert.That(held.Select(t => t.SenteraId), Is.EquivalentTo(harness.Server.TasksOf(AcmeScope).Keys.Order(StringComparer.Ordinal).Take(100)));
        });
    }

    [Test]
    public async Task SyncAsync_CanceledWhileAPageIsInFlight_ThrowsOperationCanceledAndKeepsCommittedPages()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        using var cancellation = new CancellationTokenSource();
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                harness.Server.Enqueue(FakeResponse.Never());
                cancellation.Cancel();
            }
        };

        Assert.CatchAsync<OperationCanceledException>(() => harness.SyncAsync(AcmeScope, cancellationToken: cancellation.Token));

        var countAfterCancel = await harness.Store.CountAsync(AcmeScope);
        harness.Server.BeforeAnswer = null;
        var resumed = await harness.SyncAsync(AcmeScope);
        Assert.Multiple(() =>
        {
            Assert.That(countAfterCancel, Is.EqualTo(100));
            Assert.That(resumed.Upserted, Is.EqualTo(200), "the next sync resumes where the canceled one stopped");
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }
}
