using System.Text.Json;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;
using static FlightTaskSync.Client.Tests.Push.SenderHarness;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>The requests the push sends, exactly, and how each answer is read entry by entry (WireMock on loopback).</summary>
public sealed class MutationSenderTests
{
    private SenderHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new SenderHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task SendAsync_Upsert_SendsCreatesWithWhatTheyGiveAndUpdatesWithExactlyWhatTheyChangedDatesInUtc()
    {
        // Arrange
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(9), "h9", "Replant check", FieldId(1)) + "," + MutationAnswersJson.Task(TaskId(1), "h1", "North"));
        var call = Call(
            PushCallKind.Upsert,
            CreateEntry(1, "Replant check", FieldId(1), v => v.ScheduledAt = new DateTimeOffset(2026, 6, 2, 9, 30, 0, TimeSpan.FromHours(2))),
            UpdateEntry(2, TaskId(1), new FlightTaskChanges { Notes = null, CompletedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(-5)), Provider = FlightTaskProvider.FlyGuys }));

        // Act
        await _harness.SendAsync(call);

        // Assert
        using var body = JsonDocument.Parse(_harness.Server.Bodies.Single());
        var entries = body.RootElement.GetProperty("variables").GetProperty("flightTasks");
        Assert.Multiple(() =>
        {
            Assert.That(body.RootElement.GetProperty("operationName").GetString(), Is.EqualTo("UpsertFlightTasks"));
            Assert.That(body.RootElement.GetProperty("query").GetString(), Does.StartWith("mutation UpsertFlightTasks("));
            Assert.That(entries[0].GetRawText(), Is.EqualTo(
                $$"""{"organization_sentera_id":"{{Organization}}","name":"Replant check","field_sentera_id":"{{FieldId(1)}}","provider":"SELF","scheduled_at":"2026-06-02T07:30:00+00:00"}"""),
                "a create sends what it gives, the provider included, and nothing it left out");
            Assert.That(entries[1].GetRawText(), Is.EqualTo(
                $$"""{"sentera_id":"{{TaskId(1)}}","notes":null,"provider":"FLY_GUYS","completed_at":"2026-06-01T14:00:00+00:00"}"""),
                "an update sends its id and what it changed: null to clear, dates in UTC, nothing unset");
        });
    }

    [Test]
    public async Task SendAsync_BeginAndDelete_SendTheIdsOnly()
    {
        // Arrange
        _harness.Server.Answer = request => request.GetProperty("operationName").GetString() == "BeginTasks"
            ? MutationAnswersJson.Begin($"\"{TaskId(1)}\",\"{TaskId(2)}\"")
            : MutationAnswersJson.Deleted(TaskId(3));

        // Act
        await _harness.SendAsync(Call(PushCallKind.Begin, BeginEntry(1, TaskId(1)), BeginEntry(2, TaskId(2))));
        await _harness.SendAsync(Call(PushCallKind.Delete, DeleteEntry(3, TaskId(3))));

        // Assert
        var bodies = _harness.Server.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bodies[0].GetProperty("operationName").GetString(), Is.EqualTo("BeginTasks"));
            Assert.That(bodies[0].GetProperty("variables").GetRawText(), Is.EqualTo($$"""{"senteraIds":["{{TaskId(1)}}","{{TaskId(2)}}"]}"""));
            Assert.That(bodies[1].GetProperty("operationName").GetString(), Is.EqualTo("DeleteTasks"));
            Assert.That(bodies[1].GetProperty("variables").GetRawText(), Is.EqualTo($$"""{"senteraIds":["{{TaskId(3)}}"]}"""), "no field_sentera_id");
        });
    }

    [Test]
    public async Task SendAsync_UpsertPartlyFailed_EachEntryGetsItsOwnOutcome()
    {
        // Arrange: create, update, create (refused), update; succeeded lists the others in input order.
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            string.Join(",", MutationAnswersJson.Task(TaskId(9), "h9", "Replant check"), MutationAnswersJson.Task(TaskId(1), "h1b", "North"), MutationAnswersJson.Task(TaskId(2), "h2b", "South")),
            MutationAnswersJson.Failure(2, null, "name", "too_long", "is too long (maximum is 255 characters)"));
        var call = Call(
            PushCallKind.Upsert,
            CreateEntry(1, "Replant check"),
            UpdateEntry(2, TaskId(1), new FlightTaskChanges { Notes = "a" }),
            CreateEntry(3, "Scout"),
            UpdateEntry(4, TaskId(2), new FlightTaskChanges { Notes = "b" }));

        // Act
        var result = await _harness.SendAsync(call);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.Answered));
            Assert.That(result.Entries.Select(e => (e.Kind, e.NewSenteraId, e.NewContentHash)), Is.EqualTo(new[]
            {
                (EditOutcomeKind.Applied, (string?)TaskId(9), (string?)"h9"),
                (EditOutcomeKind.Applied, null, "h1b"),
                (EditOutcomeKind.Rejected, null, null),
                (EditOutcomeKind.Applied, null, "h2b"),
            }));
            Assert.That(result.Entries[2].Errors.Single().ToString(), Is.EqualTo("name is too long (maximum is 255 characters) (too_long)"));
            Assert.That(result.Entries[2].Errors.Single().Code, Is.EqualTo("TOO_LONG"));
        });
    }

    [Test]
    public async Task SendAsync_UpsertFailureWithoutIndex_ItsItemEchoNamesTheUpdate()
    {
        // Arrange
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(1), "h1b", "North"),
            MutationAnswersJson.Failure(null, TaskId(2), "sentera_id", "not_found", "does not exist"));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, UpdateEntry(1, TaskId(1), new FlightTaskChanges { Notes = "a" }), UpdateEntry(2, TaskId(2), new FlightTaskChanges { Notes = "b" })));

        // Assert
        Assert.That(result.Entries.Select(e => e.Kind), Is.EqualTo(new[] { EditOutcomeKind.Applied, EditOutcomeKind.Rejected }));
    }

    [Test]
    public async Task SendAsync_UpsertFailureNamingNoEntryOneEntryLeft_PairedWithIt()
    {
        // Arrange
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(9), "h9", "Replant check"),
            MutationAnswersJson.Failure(null, null, "name", "blank", "can't be blank"));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, CreateEntry(1, "Replant check"), CreateEntry(2, " ")));

        // Assert
        Assert.That(result.Entries.Select(e => e.Kind), Is.EqualTo(new[] { EditOutcomeKind.Applied, EditOutcomeKind.Rejected }));
    }

    [Test]
    public async Task SendAsync_CreatedTaskIsNotWhatWasSent_CreatesLeftInDoubtNeverMisMapped()
    {
        // Arrange: the answer's task has another name than the create sent.
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(MutationAnswersJson.Task(TaskId(9), "h9", "Someone else's task"));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, CreateEntry(1, "Replant check")));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Entries.Single().Kind, Is.EqualTo(EditOutcomeKind.InDoubt));
            Assert.That(_harness.Logs.Entries.Any(e => e.EventId.Id == 4008), "the mismatch is logged");
        });
    }

    [Test]
    public async Task SendAsync_UpdateNeitherSucceededNorFailed_InDoubt()
    {
        // Arrange
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(MutationAnswersJson.Task(TaskId(1), "h1b", "North"));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, UpdateEntry(1, TaskId(1), new FlightTaskChanges { Notes = "a" }), UpdateEntry(2, TaskId(2), new FlightTaskChanges { Notes = "b" })));

        // Assert
        Assert.That(result.Entries.Select(e => e.Kind), Is.EqualTo(new[] { EditOutcomeKind.Applied, EditOutcomeKind.InDoubt }));
    }

    [Test]
    public async Task SendAsync_AnswerWithFieldsTheOperationDidNotSelect_ReadAsUsual()
    {
        // Arrange: a newer server adds fields to every object.
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(1), "h1b", "North").Replace("\"status\"", "\"priority\":3,\"tags\":[\"a\"],\"status\"", StringComparison.Ordinal))
            .Replace("\"failed\"", "\"warnings\":{\"x\":1},\"failed\"", StringComparison.Ordinal);

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, UpdateEntry(1, TaskId(1), new FlightTaskChanges { Notes = "a" })));

        // Assert
        Assert.That(result.Entries.Single().Kind, Is.EqualTo(EditOutcomeKind.Applied));
    }

    [Test]
    public async Task SendAsync_UpsertAnswerWithANullList_UnreadableSoTheCallIsInDoubt()
    {
        // Arrange: `failed` is declared non-null; a null makes the answer unusable, not a success.
        _harness.Server.Answer = _ => "{\"data\":{\"upsert_flight_tasks\":{\"__typename\":\"UpsertResult\",\"succeeded\":[" + MutationAnswersJson.Task(TaskId(9), "h9", "Replant check") + "],\"failed\":null}}}";

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, CreateEntry(1, "Replant check")));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.InDoubt));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1), "never sent again blindly");
        });
    }

    [Test]
    public async Task SendAsync_BeginPartlyFailed_AlreadyInProgressCountsAsAppliedMissingIdInDoubt()
    {
        // Arrange
        _harness.Server.Answer = _ => MutationAnswersJson.Begin(
            $"\"{TaskId(1)}\"",
            MutationAnswersJson.BeginFailure(1, "sentera_id", "not_found", "does not exist") + "," +
            MutationAnswersJson.BeginFailure(2, "status", "invalid_transition", "cannot transition via \\\"begin\\\"", """{"status":"IN_PROGRESS"}""") + "," +
            MutationAnswersJson.BeginFailure(4, "status", "invalid_transition", "cannot transition via \\\"begin\\\"", """{"status":"COMPLETED"}"""));
        var call = Call(PushCallKind.Begin, BeginEntry(1, TaskId(1)), BeginEntry(2, TaskId(2)), BeginEntry(3, TaskId(3)), BeginEntry(4, TaskId(4)), BeginEntry(5, TaskId(5)));

        // Act
        var result = await _harness.SendAsync(call);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Entries.Select(e => e.Kind), Is.EqualTo(new[]
            {
                EditOutcomeKind.Applied, EditOutcomeKind.Rejected, EditOutcomeKind.Applied, EditOutcomeKind.InDoubt, EditOutcomeKind.Rejected,
            }));
            Assert.That(result.Entries[1].Errors.Single().Key, Is.EqualTo("not_found"));
        });
    }

    [TestCase("""{"data":{"delete_tasks":[{"__typename":"FlightTask","sentera_id":"ID1","name":"Scout","priority":2}]}}""", "Applied")]
    [TestCase("""{"data":{"delete_tasks":null}}""", "Applied")]
    [TestCase("""{"data":{"delete_tasks":null},"errors":[{"message":"boom","path":["delete_tasks"]}]}""", "InDoubt")]
    public async Task SendAsync_Delete_ReturnedOrAlreadyGoneIsAppliedANullListWithErrorsIsInDoubt(string answer, string expected)
    {
        // Arrange
        _harness.Server.Answer = _ => answer.Replace("ID1", TaskId(1), StringComparison.Ordinal);

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Delete, DeleteEntry(1, TaskId(1)), DeleteEntry(2, TaskId(2))));

        // Assert
        Assert.That(result.Entries.Select(e => e.Kind.ToString()), Is.All.EqualTo(expected));
    }

    [Test]
    public async Task SendAsync_GraphQLErrorWithoutData_NotAppliedNotRetriedEditsStayPending()
    {
        // Arrange
        _harness.Server.Answer = _ => """{"data":null,"errors":[{"message":"Variable $flightTasks is invalid","extensions":{"code":"BAD_USER_INPUT"}}]}""";

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, CreateEntry(1, "Replant check")));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(CallResultKind.NotSent));
            Assert.That(result.Failure, Is.TypeOf<FlightTaskSyncRejectedException>().With.Message.Contains("BAD_USER_INPUT"));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1));
        });
    }
}
