using System.Net;
using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class MutationFaultTests
{
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 40, ChildrenPerOrganization = 0 });
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
    public async Task Status_OnAMutation_AnswersThatStatusAndAppliesNothing(int status)
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(status).OnMutations());

        using var response = await _client.PostAsync(CreateBody("Status fault"));

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(_emulator.Data.Journal, Is.Empty);
        Assert.That(_emulator.Data.TaskCount, Is.EqualTo(40));
    }

    [Test]
    public async Task TooManyRequests_OnAMutation_Answers429WithRetryAfterAndAppliesNothing()
    {
        _emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(4)).OnMutations());

        using var response = await _client.PostAsync(CreateBody("Rate limited"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(_emulator.Data.Journal, Is.Empty);
    }

    [Test]
    public async Task ConnectionReset_OnAMutation_ThrowsHttpRequestExceptionAndAppliesNothing()
    {
        _emulator.Faults.Enqueue(EmulatorFault.ConnectionReset().OnMutations());

        Assert.That(async () => await _client.PostAsync(CreateBody("Reset")), Throws.InstanceOf<HttpRequestException>());
        Assert.That(_emulator.Data.Journal, Is.Empty);
        Assert.That(_emulator.Data.TaskCount, Is.EqualTo(40));
    }

    [Test]
    public async Task GraphQLError_OnAMutation_Answers200WithNullDataAndAppliesNothing()
    {
        _emulator.Faults.Enqueue(EmulatorFault.GraphQLError("SERVICE_UNAVAILABLE", "Try again later.").OnMutations());

        var root = await _client.QueryAsync(MutationRequests.Upsert, new { tasks = new[] { new { organization_sentera_id = _organization, name = "GraphQL error" } } });

        Assert.That(root.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("SERVICE_UNAVAILABLE"));
        Assert.That(_emulator.Data.Journal, Is.Empty);
    }

    [Test]
    public async Task Latency_OnAMutation_WaitsThenApplies()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromMilliseconds(50)).OnMutations());

        var result = await _client.UpsertAsync(new { organization_sentera_id = _organization, name = "Slow create" });

        Assert.That(result.GetProperty("succeeded").GetArrayLength(), Is.EqualTo(1));
        Assert.That(_emulator.Faults.CountOf(EmulatorFaultKind.Latency), Is.EqualTo(1));
        Assert.That(_emulator.Data.Journal, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task TruncatedBody_OnAMutation_TheCreateIsAppliedButTheAnswerDoesNotParse()
    {
        _emulator.Faults.Enqueue(EmulatorFault.TruncatedBody().OnMutations());

        using var response = await _client.PostAsync(CreateBody("Half an answer"), completion: HttpCompletionOption.ResponseHeadersRead);
        Exception? failure = null;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            using var received = new MemoryStream();
            await body.CopyToAsync(received);
            JsonDocument.Parse(received.ToArray()).Dispose();
        }
        catch (Exception exception) when (exception is IOException or JsonException or HttpRequestException)
        {
            failure = exception;
        }

        Assert.That(failure, Is.Not.Null, "a truncated body must not read as a whole JSON document");
        Assert.That(_emulator.Data.Journal.Select(m => m.Kind), Is.EqualTo(new[] { EmulatorMutationKind.Create }));
    }

    [Test]
    public async Task AppliedThenDropped_OnAReusedConnection_TheCreateIsCommittedOnceAndTheClientSeesADroppedConnection()
    {
        // A sync first, so that the mutation goes out on a pooled connection: HttpClient must not
        // silently resend the POST after the drop (it only retries requests whose body it has not sent).
        var warmUp = await _client.SyncAsync(_organization, []);
        _emulator.Faults.Enqueue(EmulatorFault.AppliedThenDropped().OnMutations());

        Assert.That(async () => await _client.PostAsync(CreateBody("Created, answer lost")), Throws.InstanceOf<HttpRequestException>());

        var journal = _emulator.Data.Journal;
        Assert.Multiple(() =>
        {
            Assert.That(warmUp.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(journal.Select(m => m.Kind), Is.EqualTo(new[] { EmulatorMutationKind.Create }));
            Assert.That(_emulator.Data.Get(journal[0].TaskSenteraId)!.Name, Is.EqualTo("Created, answer lost"));
            Assert.That(_emulator.Data.TaskCount, Is.EqualTo(41));
            Assert.That(_emulator.Faults.CountOf(EmulatorFaultKind.AppliedThenDropped), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AppliedThenDropped_AClientThatJustResends_CreatesTheTaskTwice()
    {
        _emulator.Faults.Enqueue(EmulatorFault.AppliedThenDropped().OnRootField("upsert_flight_tasks"));
        var body = CreateBody("Sent twice");

        Assert.That(async () => await _client.PostAsync(body), Throws.InstanceOf<HttpRequestException>());
        using var resent = await _client.PostAsync(body);

        // What a push engine must avoid: the journal shows the duplicate a blind resend makes.
        var creates = _emulator.Data.Journal.Where(m => m.Kind == EmulatorMutationKind.Create).ToList();
        Assert.That(resent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(creates, Has.Count.EqualTo(2));
        Assert.That(creates.Select(m => m.TaskSenteraId), Is.Unique);
        Assert.That(creates.Select(m => m.Fields["name"]), Is.All.EqualTo("Sent twice"));
    }

    [Test]
    public async Task AppliedThenDropped_OnBeginAndDelete_TheirEffectsAreCommitted()
    {
        var ids = _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).ToList();
        var open = ids.First(id => _emulator.Data.Get(id)!.Status == EmulatorTaskStatus.Open);
        var doomed = ids.First(id => id != open);
        _emulator.Faults.Enqueue(EmulatorFault.AppliedThenDropped().OnMutations(), EmulatorFault.AppliedThenDropped().OnMutations());

        Assert.That(async () => await _client.PostAsync(Json(MutationRequests.Begin, new { ids = new[] { open } })), Throws.InstanceOf<HttpRequestException>());
        Assert.That(async () => await _client.PostAsync(Json(MutationRequests.Delete, new { ids = new[] { doomed } })), Throws.InstanceOf<HttpRequestException>());

        Assert.That(_emulator.Data.Get(open)!.Status, Is.EqualTo(EmulatorTaskStatus.InProgress));
        Assert.That(_emulator.Data.Get(doomed), Is.Null);
        Assert.That(_emulator.Data.Journal.Select(m => m.Kind), Is.EqualTo(new[] { EmulatorMutationKind.Begin, EmulatorMutationKind.Delete }));
    }

    [Test]
    public async Task OnMutations_SyncsPassUntilAMutationDrawsTheFault()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(503).OnMutations());

        var syncs = new[] { await _client.SyncAsync(_organization, []), await _client.SyncAsync(_organization, []) };
        var pendingAfterSyncs = _emulator.Faults.PendingCount;
        using var mutation = await _client.PostAsync(CreateBody("Faulted push"));
        using var next = await _client.PostAsync(CreateBody("Clean push"));

        Assert.Multiple(() =>
        {
            Assert.That(syncs.Select(s => s.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(pendingAfterSyncs, Is.EqualTo(1));
            Assert.That(mutation.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_emulator.Faults.PendingCount, Is.Zero);
        });
    }

    [Test]
    public async Task OnQueries_MutationsPassWhileSyncsAreFaulted()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(500).OnQueries());

        var push = await _client.UpsertAsync(new { organization_sentera_id = _organization, name = "Pushed while syncs fail" });
        using var sync = await _client.PostAsync(SyncRequests.Sync(_organization, []));

        Assert.That(push.GetProperty("succeeded").GetArrayLength(), Is.EqualTo(1));
        Assert.That(sync.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task OnRootField_OnlyThatMutationDrawsTheFault()
    {
        var open = _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).First(id => _emulator.Data.Get(id)!.Status == EmulatorTaskStatus.Open);
        _emulator.Faults.Enqueue(EmulatorFault.Status(502).OnRootField("begin_tasks"));

        using var upsert = await _client.PostAsync(CreateBody("Not faulted"));
        using var begin = await _client.PostAsync(Json(MutationRequests.Begin, new { ids = new[] { open } }));

        Assert.That(upsert.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(begin.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    [Test]
    public async Task OnRootField_AFieldSelectedThroughAFragment_StillMatches()
    {
        const string Query = """
            mutation Begin($ids: [ID!]!) { ...Starts }
            fragment Starts on Mutation { begin_tasks(sentera_ids: $ids) { succeeded } }
            """;
        _emulator.Faults.Enqueue(EmulatorFault.Status(503).OnRootField("begin_tasks"));

        using var response = await _client.PostAsync(Json(Query, new { ids = Array.Empty<string>() }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task OperationName_PicksTheOperationThatTheTargetIsMatchedAgainst()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(503).OnMutations());

        var sync = await _client.QueryAsync(MutationRequests.SyncOrBegin, new { org = _organization }, operationName: "Sync");
        using var begin = await _client.PostAsync(JsonSerializer.Serialize(new { query = MutationRequests.SyncOrBegin, variables = new { ids = Array.Empty<string>() }, operationName = "Begin" }));

        Assert.That(sync.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("remaining_count").GetInt32(), Is.Zero);
        Assert.That(begin.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task SetRate_OnMutations_FaultsOnlyMutationsAndSyncsNeverDrawOne()
    {
        _emulator.Faults.SetRate(1.0, seed: 3, EmulatorFault.Status(503).OnMutations());

        var sync = await _client.SyncAsync(_organization, []);
        using var push = await _client.PostAsync(CreateBody("Always faulted"));

        Assert.That(sync.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(push.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(_emulator.Faults.InjectedCount, Is.EqualTo(1));
    }

    [Test]
    public async Task UntargetedFault_IsDrawnByAMutationToo()
    {
        _emulator.Faults.Enqueue(EmulatorFault.Status(500));

        using var response = await _client.PostAsync(CreateBody("Any request"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public void Target_NarrowingReturnsACopyAndDescribesItself()
    {
        var fault = EmulatorFault.Status(503);

        var narrowed = fault.OnMutations().OnRootField("upsert_flight_tasks");

        Assert.Multiple(() =>
        {
            Assert.That(fault.Target, Is.EqualTo(EmulatorFaultTarget.AnyRequest));
            Assert.That(fault.RootField, Is.Null);
            Assert.That(narrowed.Target, Is.EqualTo(EmulatorFaultTarget.Mutations));
            Assert.That(narrowed.RootField, Is.EqualTo("upsert_flight_tasks"));
            Assert.That(narrowed.StatusCode, Is.EqualTo(503));
            Assert.That(narrowed.ToString(), Is.EqualTo("Status(503) on Mutations selecting upsert_flight_tasks"));
            Assert.That(() => fault.OnRootField(" "), Throws.ArgumentException);
        });
    }

    private string CreateBody(string name) =>
        Json(MutationRequests.Upsert, new { tasks = new[] { new { organization_sentera_id = _organization, name } } });

    private static string Json(string query, object variables) => JsonSerializer.Serialize(new { query, variables });
}
