using System.Net;
using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class FaultInjectionTests
{
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 300, PageSize = 100 });
        _client = new EmulatorClient(_emulator);
        _organization = _emulator.OrganizationIds[0];
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public async Task Status_NextRequest_AnswersThatStatusWithASmallBodyThenRecovers(int status)
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(status));

        using var faulted = await _client.PostAsync(SyncBody());
        var text = await faulted.Content.ReadAsStringAsync();
        var next = await _client.SyncAsync(_organization, [], includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That((int)faulted.StatusCode, Is.EqualTo(status));
            Assert.That(text, Does.StartWith(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(text.Length, Is.LessThan(200));
            Assert.That(next.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(next.Upserted, Has.Count.EqualTo(100));
            Assert.That(_emulator.Faults.CountOf(EmulatorFaultKind.Status), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TooManyRequests_Answers429WithRetryAfterInWholeSecondsRoundedUp()
    {
        _emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2.5)));

        using var response = await _client.PostAsync(SyncBody());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(response.Headers.GetValues("Retry-After"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public async Task Latency_DelaysThenAnswersNormally()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromMilliseconds(100)));

        var page = await _client.SyncAsync(_organization, [], includeDescendants: true);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Upserted, Has.Count.EqualTo(100));
        Assert.That(_emulator.Faults.CountOf(EmulatorFaultKind.Latency), Is.EqualTo(1));
    }

    [Test]
    public async Task Latency_LongerThanTheClientWaits_TheClientTimesOut()
    {
        using var impatient = new EmulatorClient(_emulator, TimeSpan.FromMilliseconds(300));
        _emulator.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromSeconds(30)));

        Assert.That(async () => await impatient.PostAsync(SyncBody()), Throws.InstanceOf<TaskCanceledException>());
        var next = await _client.SyncAsync(_organization, [], includeDescendants: true);
        Assert.That(next.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ConnectionReset_TheClientGetsHttpRequestException()
    {
        _emulator.Faults.Enqueue(EmulatorFault.ConnectionReset());

        Assert.That(async () => await _client.PostAsync(SyncBody()), Throws.InstanceOf<HttpRequestException>());
        var next = await _client.SyncAsync(_organization, [], includeDescendants: true);
        Assert.That(next.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TruncatedBody_HeadersArriveButTheBodyIsCutShort()
    {
        _emulator.Faults.Enqueue(EmulatorFault.TruncatedBody());

        using var response = await _client.PostAsync(SyncBody(), completion: HttpCompletionOption.ResponseHeadersRead);
        var declared = response.Content.Headers.ContentLength;
        var received = new MemoryStream();
        Exception? failure = null;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(received);
            JsonDocument.Parse(received.ToArray()).Dispose();
        }
        catch (Exception exception) when (exception is IOException or JsonException or HttpRequestException)
        {
            failure = exception;
        }

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(declared, Is.GreaterThan(10_000));
            Assert.That(failure, Is.Not.Null, "a truncated body must not read as a whole JSON document");
            Assert.That(received.Length, Is.LessThan(declared ?? 0));
        });
    }

    [Test]
    public async Task GraphQLError_Answers200WithNullDataAndTheCode()
    {
        _emulator.Faults.Enqueue(EmulatorFault.GraphQLError("SERVICE_UNAVAILABLE", "Try again later."));

        var page = await _client.SyncAsync(_organization, [], includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Root.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(page.FirstErrorCode, Is.EqualTo("SERVICE_UNAVAILABLE"));
            Assert.That(page.Root.GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo("Try again later."));
        });
    }

    [Test]
    public async Task FailedEntries_TheNormalPageCarriesThatManyFailedEntries()
    {
        _emulator.Faults.Enqueue(EmulatorFault.FailedEntries(3));

        var page = await _client.SyncAsync(_organization, [], includeDescendants: true);
        var next = await _client.SyncAsync(_organization, [], includeDescendants: true);

        var failed = page.Failed.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page.Upserted, Has.Count.EqualTo(100));
            Assert.That(failed, Has.Count.EqualTo(3));
            Assert.That(failed.Select(f => f.GetProperty("key").GetString()), Is.All.Not.Empty);
            Assert.That(failed.Select(f => f.GetProperty("message").GetString()), Is.All.Not.Empty);
            Assert.That(failed.Select(f => f.GetProperty("code").GetString()), Is.All.EqualTo("SYNC_FAILED"));
            Assert.That(failed[0].GetProperty("details").GetProperty("index").GetInt32(), Is.EqualTo(1));
            Assert.That(next.Failed.ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Stalled_RepeatsTheSamePageWhateverTheClientHolds_UntilCleared()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Stalled());
        var replica = new ClientReplica();

        for (var i = 0; i < 3; i++)
        {
            replica.Apply(await _client.SyncAsync(_organization, replica.Hashes.Values, includeDescendants: true));
        }

        _emulator.Faults.Clear();
        var resumed = await _client.SyncAsync(_organization, replica.Hashes.Values, includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(replica.Pages[1].Upserted, Is.EqualTo(replica.Pages[0].Upserted));
            Assert.That(replica.Pages[2].Upserted, Is.EqualTo(replica.Pages[0].Upserted));
            Assert.That(replica.Pages.Select(p => p.RemainingCount), Is.EqualTo(new[] { 200, 200, 200 }));
            Assert.That(_emulator.Faults.StalledAnswers, Is.EqualTo(2));
            Assert.That(_emulator.Faults.IsStalled, Is.False);
            Assert.That(resumed.RemainingCount, Is.EqualTo(100));
            Assert.That(resumed.Upserted.Select(u => u.Id).Where(replica.Hashes.ContainsKey), Is.Empty);
        });
    }

    [Test]
    public async Task Enqueue_SeveralFaults_ApplyToTheNextRequestsInOrder()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(503), EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)), EmulatorFault.Status(500));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _client.PostAsync(SyncBody());
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.OK }));
        Assert.That(_emulator.Faults.InjectedCount, Is.EqualTo(3));
        Assert.That(_emulator.Faults.PendingCount, Is.Zero);
    }

    [Test]
    public async Task SetRate_AQuarterOfRequests_FaultsRoughlyAQuarterAndCountsEachOne()
    {
        const int Requests = 200;
        _emulator.Faults.SetRate(0.25, seed: 7, EmulatorFault.Status(503), EmulatorFault.Status(502));

        var faulted = 0;
        for (var i = 0; i < Requests; i++)
        {
            using var response = await _client.PostAsync(SyncRequests.Query("{ __typename }"));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                faulted++;
            }
        }

        // The draws are seeded, so this count is the same on every run; the bounds only say "about a quarter".
        Assert.That(faulted, Is.InRange(Requests / 8, Requests * 3 / 8));
        Assert.That(_emulator.Faults.CountOf(EmulatorFaultKind.Status), Is.EqualTo(faulted));
        Assert.That(_emulator.RequestCount, Is.EqualTo(Requests));
    }

    [Test]
    public async Task SetRate_SameSeed_FaultsTheSameRequests()
    {
        var first = await FaultedRequestNumbersAsync(_emulator, _client);
        await using var other = await FieldAgentEmulator.StartAsync();
        using var otherClient = new EmulatorClient(other);

        var second = await FaultedRequestNumbersAsync(other, otherClient);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Is.Not.Empty);
    }

    private static async Task<List<int>> FaultedRequestNumbersAsync(FieldAgentEmulator emulator, EmulatorClient client)
    {
        emulator.Faults.SetRate(0.3, seed: 42, EmulatorFault.Status(500));
        var numbers = new List<int>();
        for (var i = 1; i <= 30; i++)
        {
            using var response = await client.PostAsync(SyncRequests.Query("{ __typename }"));
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                numbers.Add(i);
            }
        }

        return numbers;
    }

    private string SyncBody() => SyncRequests.Sync(_organization, [], includeDescendants: true);
}
