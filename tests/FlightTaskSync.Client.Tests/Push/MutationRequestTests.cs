using System.Text.Json;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;
using static FlightTaskSync.Client.Tests.Push.SenderHarness;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// What each mutation's request holds, to the last member (WireMock on loopback), beside
/// <see cref="MutationSenderTests"/>: the envelope of every mutation, a create with every field,
/// an update clearing every field, and how creates of the same name are told apart in a partial answer.
/// </summary>
public sealed class MutationRequestTests
{
    private SenderHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new SenderHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [TestCase("Upsert", "UpsertFlightTasks", "mutation UpsertFlightTasks($flightTasks:[FlightTaskImport!]!){upsert_flight_tasks(flight_tasks:$flightTasks){__typename succeeded{__typename sentera_id content_hash name status organization_sentera_id field{__typename sentera_id} created_at updated_at} failed{__typename index item{__typename sentera_id} attributes{__typename attribute key message code reason}}}}", "flightTasks")]
    [TestCase("Begin", "BeginTasks", "mutation BeginTasks($senteraIds:[ID!]!){begin_tasks(sentera_ids:$senteraIds){__typename succeeded failed{__typename index errors{__typename attribute key message code details}}}}", "senteraIds")]
    [TestCase("Delete", "DeleteTasks", "mutation DeleteTasks($senteraIds:[ID!]!){delete_tasks(sentera_ids:$senteraIds){__typename sentera_id name}}", "senteraIds")]
    public async Task SendAsync_EachMutation_SendsItsOperationExactlyAndOneVariableNothingElse(string mutation, string operation, string query, string variable)
    {
        // Arrange
        var kind = Enum.Parse<PushCallKind>(mutation);
        _harness.Server.Answer = _ => MutationResponseCorpus.GoodAnswer(kind);
        var call = kind == PushCallKind.Upsert
            ? Call(kind, UpdateEntry(1, TaskId(1), new FlightTaskChanges { Notes = "a" }))
            : Call(kind, kind == PushCallKind.Begin ? BeginEntry(1, TaskId(1)) : DeleteEntry(1, TaskId(1)));

        // Act
        await _harness.SendAsync(call);

        // Assert
        using var body = JsonDocument.Parse(_harness.Server.Bodies.Single());
        var root = body.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "query", "operationName", "variables" }));
            Assert.That(root.GetProperty("operationName").GetString(), Is.EqualTo(operation));
            Assert.That(root.GetProperty("query").GetString(), Is.EqualTo(query), "the operation as generated, selections and all");
            Assert.That(root.GetProperty("variables").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { variable }));
        });
    }

    [Test]
    public async Task SendAsync_BeginAndDeleteOfSeveral_SendTheIdsInTheCallsOrder()
    {
        // Arrange
        _harness.Server.Answer = request => request.GetProperty("operationName").GetString() == "BeginTasks"
            ? MutationAnswersJson.Begin($"\"{TaskId(3)}\",\"{TaskId(1)}\",\"{TaskId(2)}\"")
            : MutationAnswersJson.Deleted(TaskId(2), TaskId(3), TaskId(1));

        // Act
        var begun = await _harness.SendAsync(Call(PushCallKind.Begin, BeginEntry(1, TaskId(3)), BeginEntry(2, TaskId(1)), BeginEntry(3, TaskId(2))));
        var deleted = await _harness.SendAsync(Call(PushCallKind.Delete, DeleteEntry(4, TaskId(2)), DeleteEntry(5, TaskId(3)), DeleteEntry(6, TaskId(1))));

        // Assert
        var variables = _harness.Server.Variables;
        Assert.Multiple(() =>
        {
            Assert.That(variables[0].GetProperty("senteraIds").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { TaskId(3), TaskId(1), TaskId(2) }));
            Assert.That(variables[1].GetProperty("senteraIds").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { TaskId(2), TaskId(3), TaskId(1) }));
            Assert.That(begun.Entries.Concat(deleted.Entries).Select(e => e.Kind), Is.All.EqualTo(EditOutcomeKind.Applied));
        });
    }

    [Test]
    public async Task SendAsync_CreateWithEveryField_SendsEachUnderItsServerNameDatesInUtc()
    {
        // Arrange
        var local = new DateTimeOffset(2026, 6, 2, 9, 30, 0, TimeSpan.FromHours(2));
        var entry = new PlannedEntry
        {
            TaskId = LocalId(1),
            Kind = PendingEditKind.Create,
            EditIds = [1],
            NewTask = new NewFlightTask
            {
                Name = "Replant check",
                OrganizationSenteraId = Organization,
                Notes = "east gate",
                FieldSenteraId = FieldId(1),
                PlanSenteraId = "plan-1",
                SurveySenteraId = "survey-1",
                Provider = FlightTaskProvider.Sentera,
                AssignedToEmail = "pilot@example.com",
                AssignedToSenteraId = "user-2",
                CompletedBySenteraId = "user-3",
                ScheduledAt = local,
                TargetedAt = local.AddDays(1),
                DueAt = local.AddDays(2),
                StartedAt = local.AddHours(1),
                CompletedAt = local.AddHours(2),
                CanceledAt = local.AddHours(3),
            },
        };
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(MutationAnswersJson.Task(TaskId(9), "h9", "Replant check", FieldId(1)));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, entry));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Members(_harness.Server.Variables.Single().GetProperty("flightTasks")[0]), Is.EqualTo(new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["organization_sentera_id"] = $"\"{Organization}\"",
                ["name"] = "\"Replant check\"",
                ["notes"] = "\"east gate\"",
                ["field_sentera_id"] = $"\"{FieldId(1)}\"",
                ["plan_sentera_id"] = "\"plan-1\"",
                ["survey_sentera_id"] = "\"survey-1\"",
                ["provider"] = "\"SENTERA\"",
                ["assigned_to_email"] = "\"pilot@example.com\"",
                ["assigned_to_sentera_id"] = "\"user-2\"",
                ["completed_by_sentera_id"] = "\"user-3\"",
                ["scheduled_at"] = "\"2026-06-02T07:30:00+00:00\"",
                ["targeted_at"] = "\"2026-06-03T07:30:00+00:00\"",
                ["due_at"] = "\"2026-06-04T07:30:00+00:00\"",
                ["started_at"] = "\"2026-06-02T08:30:00+00:00\"",
                ["completed_at"] = "\"2026-06-02T09:30:00+00:00\"",
                ["canceled_at"] = "\"2026-06-02T10:30:00+00:00\"",
            }), "no sentera_id: a create");
            Assert.That(result.Entries.Single().NewSenteraId, Is.EqualTo(TaskId(9)));
        });
    }

    [Test]
    public async Task SendAsync_UpdateClearingEveryField_SendsEachAsNullBesideItsId()
    {
        // Arrange
        var changes = new FlightTaskChanges
        {
            Notes = null, FieldSenteraId = null, PlanSenteraId = null, SurveySenteraId = null, Provider = null, AssignedToEmail = null,
            AssignedToSenteraId = null, CompletedBySenteraId = null, ScheduledAt = null, TargetedAt = null, DueAt = null, StartedAt = null,
            CompletedAt = null, CanceledAt = null,
        };
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(MutationAnswersJson.Task(TaskId(1), "h1b", "North"));

        // Act
        await _harness.SendAsync(Call(PushCallKind.Upsert, UpdateEntry(1, TaskId(1), changes)));

        // Assert
        var sent = Members(_harness.Server.Variables.Single().GetProperty("flightTasks")[0]);
        Assert.Multiple(() =>
        {
            Assert.That(sent["sentera_id"], Is.EqualTo($"\"{TaskId(1)}\""));
            Assert.That(sent.Where(p => p.Key != "sentera_id").Select(p => p.Value), Is.All.EqualTo("null"));
            Assert.That(sent.Keys, Is.EquivalentTo(new[]
            {
                "sentera_id", "notes", "field_sentera_id", "plan_sentera_id", "survey_sentera_id", "provider", "assigned_to_email", "assigned_to_sentera_id",
                "completed_by_sentera_id", "scheduled_at", "targeted_at", "due_at", "started_at", "completed_at", "canceled_at",
            }), "the name is not cleared as it was not changed");
        });
    }

    [Test]
    public async Task SendAsync_TwoCreatesOfOneNameTheFirstRefused_TheTaskGoesToTheSecond()
    {
        // Arrange
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(9), "h9", "Scout"),
            MutationAnswersJson.Failure(0, null, "field_sentera_id", "not_found", "does not exist"));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, CreateEntry(1, "Scout"), CreateEntry(2, "Scout")));

        // Assert
        Assert.That(result.Entries.Select(e => (e.Kind, e.NewSenteraId)), Is.EqualTo(new[]
        {
            (EditOutcomeKind.Rejected, (string?)null),
            (EditOutcomeKind.Applied, (string?)TaskId(9)),
        }));
    }

    [Test]
    public async Task SendAsync_TwoCreatesOfOneNameOnlyTheSecondAnswered_TheFieldTellsThemApartTheFirstIsInDoubt()
    {
        // Arrange: the first create is in neither list.
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(MutationAnswersJson.Task(TaskId(9), "h9", "Scout", FieldId(2)));

        // Act
        var result = await _harness.SendAsync(Call(PushCallKind.Upsert, CreateEntry(1, "Scout", FieldId(1)), CreateEntry(2, "Scout", FieldId(2))));

        // Assert
        Assert.That(result.Entries.Select(e => (e.Kind, e.NewSenteraId)), Is.EqualTo(new[]
        {
            (EditOutcomeKind.InDoubt, (string?)null),
            (EditOutcomeKind.Applied, (string?)TaskId(9)),
        }));
    }

    private static SortedDictionary<string, string> Members(JsonElement entry) =>
        new(entry.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()), StringComparer.Ordinal);
}
