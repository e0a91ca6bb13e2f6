using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>How edits whose call may or may not have been applied are settled from the tasks pulled afterwards.</summary>
public sealed class InDoubtReconcilerTests
{
    private static readonly DateTimeOffset SentAt = T0.AddMinutes(30);

    [Test]
    public void Decide_CreateFoundOnTheServer_AdoptedWithItsIdForEveryEditFoldedIntoIt()
    {
        // Arrange: a create and a note merged into it, sent; the answer was lost; the pull brought the task.
        var edits = new[]
        {
            InDoubtCreate(1, LocalId(1), "Replant check", FieldId(1)),
            Sending(Update(2, LocalId(1), new FlightTaskChanges { Notes = "Bring the RGB camera" }, baseHash: null)),
        };
        var created = Server(ServerTask(TaskId(9), hash: "hash-9", name: "Replant check", notes: "Bring the RGB camera", field: FieldId(1), createdAt: SentAt.AddSeconds(2)), firstHeldAt: SentAt.AddMinutes(1));

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(), [created]);

        // Assert
        Assert.That(decided.Outcomes.Select(o => (o.EditId, o.Kind, o.NewSenteraId, o.NewContentHash)), Is.EqualTo(new[]
        {
            (1L, EditOutcomeKind.Applied, TaskId(9), "hash-9"),
            (2L, EditOutcomeKind.Applied, TaskId(9), "hash-9"),
        }));
    }

    [Test]
    public void Decide_CreateNotFound_SentAgainWithWhatFollowsIt()
    {
        // Arrange
        var edits = new[] { InDoubtCreate(1, LocalId(1), "Replant check") };

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(), []);

        // Assert
        Assert.That(decided.Outcomes.Single().Kind, Is.EqualTo(EditOutcomeKind.NotSent));
    }

    [TestCase("held before it was sent")]
    [TestCase("created long before it was sent")]
    [TestCase("already another local create's")]
    [TestCase("another name")]
    [TestCase("another field")]
    [TestCase("other notes than it set")]
    [TestCase("another organization")]
    public void Decide_CandidateThatIsNotTheCreatedTask_NotAdopted(string difference)
    {
        // Arrange
        var task = ServerTask(
            TaskId(9),
            name: difference == "another name" ? "Replant check 2" : "Replant check",
            field: difference == "another field" ? FieldId(2) : FieldId(1),
            notes: difference == "other notes than it set" ? "office text" : "camera",
            createdAt: difference == "created long before it was sent" ? SentAt - InDoubtReconciler.CreateTolerance - TimeSpan.FromSeconds(1) : SentAt);
        if (difference == "another organization")
        {
            task = new FlightTask
            {
                SenteraId = task.SenteraId, ContentHash = task.ContentHash, Name = task.Name, Status = task.Status, StatusValue = task.StatusValue,
                Provider = task.Provider, Notes = task.Notes, FieldSenteraId = task.FieldSenteraId, OrganizationSenteraId = "zzzzzzz_OR_other",
                CreatedBySenteraId = task.CreatedBySenteraId, CreatedAt = task.CreatedAt, UpdatedAt = task.UpdatedAt, RawJson = task.RawJson,
            };
        }

        var candidate = Server(
            task,
            firstHeldAt: difference == "held before it was sent" ? SentAt.AddSeconds(-1) : SentAt.AddMinutes(1),
            ownHash: difference == "already another local create's" ? task.ContentHash : null);
        var create = InDoubtCreate(1, LocalId(1), "Replant check", FieldId(1), notes: "camera");

        // Act
        var decided = InDoubtReconciler.Decide([create], ServerTasks(), [candidate]);

        // Assert
        Assert.That(decided.Outcomes.Single().Kind, Is.EqualTo(EditOutcomeKind.NotSent), difference);
    }

    [Test]
    public void Decide_CandidateCreatedALittleBeforeTheDevicesSendTime_AdoptedWithinTheClockTolerance()
    {
        // Arrange: the device's clock runs a few minutes ahead of the server's; the name came back trimmed.
        var candidate = Server(ServerTask(TaskId(9), name: "Replant check", field: FieldId(1), createdAt: SentAt.AddMinutes(-4)), firstHeldAt: SentAt.AddMinutes(1));

        // Act
        var decided = InDoubtReconciler.Decide([InDoubtCreate(1, LocalId(1), "  Replant check ", FieldId(1))], ServerTasks(), [candidate]);

        // Assert
        Assert.That(decided.Outcomes.Single().NewSenteraId, Is.EqualTo(TaskId(9)));
    }

    [Test]
    public void Decide_TwoIdenticalCreatesOneFound_TheFirstAdoptsItTheSecondIsSentAgain()
    {
        // Arrange
        var edits = new[] { InDoubtCreate(1, LocalId(1), "Scout"), InDoubtCreate(2, LocalId(2), "Scout") };
        var candidate = Server(ServerTask(TaskId(9), name: "Scout", createdAt: SentAt), firstHeldAt: SentAt.AddMinutes(1));

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(), [candidate]);

        // Assert
        Assert.That(decided.Outcomes.Select(o => (o.EditId, o.Kind, o.NewSenteraId)), Is.EqualTo(new[]
        {
            (1L, EditOutcomeKind.Applied, (string?)TaskId(9)),
            (2L, EditOutcomeKind.NotSent, (string?)null),
        }));
    }

    [Test]
    public void Decide_TwoIdenticalCreatesBothFound_EachAdoptsItsOwnTheEarliestFirst()
    {
        // Arrange
        var edits = new[] { InDoubtCreate(1, LocalId(1), "Scout"), InDoubtCreate(2, LocalId(2), "Scout") };
        var later = Server(ServerTask(TaskId(8), name: "Scout", createdAt: SentAt.AddSeconds(1)), firstHeldAt: SentAt.AddMinutes(1));
        var earlier = Server(ServerTask(TaskId(9), name: "Scout", createdAt: SentAt), firstHeldAt: SentAt.AddMinutes(1));

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(), [later, earlier]);

        // Assert
        Assert.That(decided.Outcomes.Select(o => o.NewSenteraId), Is.EqualTo(new[] { TaskId(9), TaskId(8) }));
    }

    [TestCase("Creek corner flooded", "Applied")]
    [TestCase("something else", "NotSent")]
    public void Decide_Update_AppliedWhenTheServerHasEveryValueItSet(string serverNotes, string expected)
    {
        // Arrange
        var edit = Sending(Update(1, TaskId(1), new FlightTaskChanges { Notes = "Creek corner flooded", CompletedAt = T0 }));
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-2", notes: serverNotes, status: FlightTaskStatus.Completed, completedAt: T0.AddMilliseconds(400))));

        // Act
        var decided = InDoubtReconciler.Decide([edit], server, []);

        // Assert
        Assert.That(decided.Outcomes.Single().Kind.ToString(), Is.EqualTo(expected));
    }

    [TestCase(FlightTaskStatus.InProgress, "Applied")]
    [TestCase(FlightTaskStatus.Completed, "Applied")]
    [TestCase(FlightTaskStatus.Open, "NotSent")]
    public void Decide_Begin_AppliedOnceTheTaskIsNoLongerOpen(FlightTaskStatus serverStatus, string expected)
    {
        // Act
        var decided = InDoubtReconciler.Decide([Begin(1, TaskId(1), state: OutboxEditState.Sending)], ServerTasks(Server(ServerTask(TaskId(1), status: serverStatus))), []);

        // Assert
        Assert.That(decided.Outcomes.Single().Kind.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Decide_Delete_AppliedWhenTheTaskIsGoneSentAgainWhenItIsNot()
    {
        // Arrange
        var edits = new[] { Delete(1, TaskId(1), state: OutboxEditState.Sending), Delete(2, TaskId(2), state: OutboxEditState.Sending) };

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(Server(ServerTask(TaskId(2)))), []);

        // Assert
        Assert.That(decided.Outcomes.Select(o => (o.EditId, o.Kind)), Is.EqualTo(new[] { (1L, EditOutcomeKind.Applied), (2L, EditOutcomeKind.NotSent) }));
    }

    [Test]
    public void Decide_UpdateOrBeginOfATaskTheServerDeleted_DroppedAndReported()
    {
        // Arrange
        var edits = new[]
        {
            Sending(Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" })),
            Begin(2, TaskId(2), state: OutboxEditState.Sending),
        };

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(), []);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decided.Outcomes.Select(o => o.Kind), Is.All.EqualTo(EditOutcomeKind.Dropped));
            Assert.That(decided.Conflicts.Select(c => (c.EditId, c.TaskDeletedOnServer)), Is.EqualTo(new[] { (1L, true), (2L, true) }));
        });
    }

    [Test]
    public void Decide_PendingAndRejectedEdits_GetNoOutcome()
    {
        // Arrange
        var edits = new[] { Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }), Begin(2, TaskId(1), state: OutboxEditState.Rejected) };

        // Act
        var decided = InDoubtReconciler.Decide(edits, ServerTasks(Server(ServerTask(TaskId(1)))), []);

        // Assert
        Assert.That(decided.Outcomes, Is.Empty);
    }

    private static OutboxEdit InDoubtCreate(long id, string localId, string name, string? field = null, string? notes = null)
    {
        var create = Create(id, localId, name, field, OutboxEditState.Sending, firstSentAt: SentAt);
        return notes is null ? create : new OutboxEdit
        {
            Id = create.Id, TaskId = create.TaskId, Kind = create.Kind, State = create.State, MadeAt = create.MadeAt, FirstSentAt = create.FirstSentAt,
            NewTask = new NewFlightTask { Name = name, OrganizationSenteraId = Organization, FieldSenteraId = field, Notes = notes },
        };
    }

    private static OutboxEdit Sending(OutboxEdit edit) => new()
    {
        Id = edit.Id, TaskId = edit.TaskId, Kind = edit.Kind, State = OutboxEditState.Sending, MadeAt = edit.MadeAt,
        BaseContentHash = edit.BaseContentHash, Changes = edit.Changes, BaseValues = edit.BaseValues, NewTask = edit.NewTask, FirstSentAt = SentAt,
    };
}
