using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>What the policy does with edits of tasks the server changed or deleted since they were made.</summary>
public sealed class ConflictPolicyTests
{
    [Test]
    public void Apply_ServerHashUnchanged_NoConflictEverythingGoes()
    {
        // Arrange
        var edits = new[] { Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }), Begin(2, TaskId(1)) };
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-1")));

        // Act
        var check = ConflictPolicy.Apply(edits, server, ConflictResolution.ServerWins);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Remaining, Is.EqualTo(edits));
            Assert.That(check.Conflicts, Is.Empty);
            Assert.That(check.Dropped, Is.Empty);
        });
    }

    [Test]
    public void Apply_MergeFieldsUpdateOfAChangedTask_SentAndReportedWithTheFieldsBothChanged()
    {
        // Arrange: the pilot changed notes and the assignee; the office changed the notes and the name.
        var edit = Update(
            1,
            TaskId(1),
            new FlightTaskChanges { Notes = "Creek corner flooded", CompletedAt = T0 },
            baseHash: "hash-1",
            baseValues: FlightTaskChanges.FromValues([KeyValuePair.Create(FlightTaskProperty.Notes, (object?)"old"), KeyValuePair.Create(FlightTaskProperty.CompletedAt, (object?)null)]));
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-2", name: "Renamed by office", notes: "office note")));

        // Act
        var check = ConflictPolicy.Apply([edit], server, ConflictResolution.MergeFields);

        // Assert
        var conflict = check.Conflicts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(check.Remaining, Is.EqualTo(new[] { edit }), "sent: an update carries only its own properties");
            Assert.That(check.Dropped, Is.Empty);
            Assert.That(conflict.Decision, Is.EqualTo(ConflictDecision.Sent));
            Assert.That(conflict.EditId, Is.EqualTo(1));
            Assert.That(conflict.TaskDeletedOnServer, Is.False);
            Assert.That(conflict.Fields.Select(f => f.Property), Is.EqualTo(new[] { FlightTaskProperty.Notes }), "the name is the office's alone; completed_at was not touched");
            Assert.That(conflict.Fields[0].OriginalValue, Is.EqualTo("old"));
            Assert.That(conflict.Fields[0].ServerValue, Is.EqualTo("office note"));
            Assert.That(conflict.Fields[0].EditValue, Is.EqualTo("Creek corner flooded"));
        });
    }

    [Test]
    public void Apply_ServerWins_EditOfAChangedTaskDroppedAndReported()
    {
        // Arrange
        var edits = new[] { Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }), Update(2, TaskId(2), new FlightTaskChanges { Notes = "y" }) };
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-2")), Server(ServerTask(TaskId(2), hash: "hash-1")));

        // Act
        var check = ConflictPolicy.Apply(edits, server, ConflictResolution.ServerWins);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Remaining.Select(e => e.Id), Is.EqualTo(new long[] { 2 }));
            Assert.That(check.Dropped.Select(o => (o.EditId, o.Kind)), Is.EqualTo(new[] { (1L, EditOutcomeKind.Dropped) }));
            Assert.That(check.Conflicts.Single().Decision, Is.EqualTo(ConflictDecision.Dropped));
        });
    }

    [Test]
    public void Apply_ServersHashIsTheClientsOwnPush_NoConflict()
    {
        // Arrange: the task changed since the edit was made, but only by this client's earlier push.
        var edits = new[] { Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }, baseHash: "hash-1") };
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-2"), ownHash: "hash-2"));

        // Act
        var check = ConflictPolicy.Apply(edits, server, ConflictResolution.ServerWins);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Conflicts, Is.Empty);
            Assert.That(check.Remaining, Has.Count.EqualTo(1));
        });
    }

    [TestCase(ConflictResolution.MergeFields, ConflictDecision.Sent)]
    [TestCase(ConflictResolution.ServerWins, ConflictDecision.Dropped)]
    public void Apply_DeleteOfAChangedTask_FollowsThePolicy(ConflictResolution resolution, ConflictDecision expected)
    {
        // Arrange
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-2")));

        // Act
        var check = ConflictPolicy.Apply([Delete(1, TaskId(1))], server, resolution);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Conflicts.Single().Decision, Is.EqualTo(expected));
            Assert.That(check.Remaining, Has.Count.EqualTo(expected == ConflictDecision.Sent ? 1 : 0));
        });
    }

    [TestCase(ConflictResolution.MergeFields, FlightTaskStatus.Open, ConflictDecision.Sent)]
    [TestCase(ConflictResolution.ServerWins, FlightTaskStatus.Open, ConflictDecision.Dropped)]
    [TestCase(ConflictResolution.MergeFields, FlightTaskStatus.InProgress, ConflictDecision.Dropped)]
    [TestCase(ConflictResolution.MergeFields, FlightTaskStatus.Completed, ConflictDecision.Dropped)]
    [TestCase(ConflictResolution.MergeFields, FlightTaskStatus.Canceled, ConflictDecision.Dropped)]
    public void Apply_BeginOfAChangedTask_SentOnlyWhileTheServerHasItOpen(ConflictResolution resolution, FlightTaskStatus serverStatus, ConflictDecision expected)
    {
        // Arrange
        var server = ServerTasks(Server(ServerTask(TaskId(1), hash: "hash-2", status: serverStatus)));

        // Act
        var check = ConflictPolicy.Apply([Begin(1, TaskId(1))], server, resolution);

        // Assert
        var conflict = check.Conflicts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(conflict.Decision, Is.EqualTo(expected));
            Assert.That(conflict.ServerStatus, Is.EqualTo(serverStatus));
            Assert.That(check.Dropped, Has.Count.EqualTo(expected == ConflictDecision.Dropped ? 1 : 0));
        });
    }

    [TestCase(ConflictResolution.MergeFields)]
    [TestCase(ConflictResolution.ServerWins)]
    public void Apply_TaskDeletedOnTheServer_UpdateAndBeginDroppedAndReportedDeleteDroppedQuietly(ConflictResolution resolution)
    {
        // Arrange
        var edits = new[] { Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }), Begin(2, TaskId(1)), Delete(3, TaskId(2)) };

        // Act
        var check = ConflictPolicy.Apply(edits, ServerTasks(), resolution);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Remaining, Is.Empty);
            Assert.That(check.Dropped.Select(o => o.EditId), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(check.Conflicts.Select(c => c.EditId), Is.EqualTo(new long[] { 1, 2 }), "a delete of a deleted task is done, not a conflict");
            Assert.That(check.Conflicts.All(c => c.TaskDeletedOnServer && c.Decision == ConflictDecision.Dropped));
        });
    }

    [Test]
    public void Apply_EditsOfATaskCreatedOffline_NeverConflict()
    {
        // Arrange: a created task's edits have no base hash, and the server does not have it.
        var edits = new[]
        {
            Create(1, LocalId(1)),
            Update(2, LocalId(1), new FlightTaskChanges { Notes = "x" }, baseHash: null),
            Begin(3, LocalId(1), baseHash: null),
        };

        // Act
        var check = ConflictPolicy.Apply(edits, ServerTasks(), ConflictResolution.ServerWins);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Remaining, Is.EqualTo(edits));
            Assert.That(check.Conflicts, Is.Empty);
        });
    }

    [Test]
    public void Apply_RejectedAndInDoubtEdits_LeftAlone()
    {
        // Arrange
        var edits = new[]
        {
            Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }, state: OutboxEditState.Rejected),
            Update(2, TaskId(1), new FlightTaskChanges { Notes = "y" }, state: OutboxEditState.Sending),
        };

        // Act
        var check = ConflictPolicy.Apply(edits, ServerTasks(), ConflictResolution.ServerWins);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(check.Remaining, Is.EqualTo(edits));
            Assert.That(check.Conflicts, Is.Empty);
        });
    }
}
