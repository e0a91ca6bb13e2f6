using FlightTaskSync.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class EmulatorDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 2, 9, 30, 15, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private FieldAgentEmulator _emulator = null!;
    private EmulatorData _data = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(Now);
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 100, TimeProvider = _time });
        _data = _emulator.Data;
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public void Update_ChangeThatKeepsUpdatedAt_StampsTheCurrentTimeAndChangesTheHash()
    {
        var (id, hash) = _data.TasksOf(_emulator.OrganizationIds[0]).First();

        var updated = _data.Update(id, t => t with { Name = "Creek Bottom — hail damage" });

        Assert.Multiple(() =>
        {
            Assert.That(updated.UpdatedAt, Is.EqualTo(Now));
            Assert.That(updated.ContentHash, Is.Not.EqualTo(hash));
            Assert.That(_data.Get(id), Is.EqualTo(updated));
            Assert.That(_data.TasksOf(_emulator.OrganizationIds[0])[id], Is.EqualTo(updated.ContentHash));
        });
    }

    [Test]
    public void Update_ChangingTheOrganization_Throws()
    {
        var id = _data.TasksOf(_emulator.OrganizationIds[0]).Keys.First();

        Assert.That(() => _data.Update(id, t => t with { OrganizationSenteraId = _emulator.OrganizationIds[1] }), Throws.ArgumentException);
        Assert.That(() => _data.Update("missing", t => t), Throws.InstanceOf<KeyNotFoundException>());
    }

    [Test]
    public void Delete_KeepsATombstoneAndReAddingTheIdRemovesIt()
    {
        var organization = _emulator.OrganizationIds[0];
        var (id, hash) = _data.TasksOf(organization).First();
        var task = _data.Get(id)!;

        var tombstone = _data.Delete(id);
        var again = _data.Delete(id);
        var tombstonesAfterDelete = _data.TombstonesOf(organization);
        _data.AddTask(task with { Notes = "Restored." });

        Assert.Multiple(() =>
        {
            Assert.That(tombstone, Is.EqualTo(new EmulatorTombstone(id, organization, hash, Now)));
            Assert.That(again, Is.Null);
            Assert.That(tombstonesAfterDelete, Is.EqualTo(new[] { tombstone }));
            Assert.That(_data.TombstonesOf(organization), Is.Empty);
            Assert.That(_data.Get(id)!.Notes, Is.EqualTo("Restored."));
        });
    }

    [Test]
    public void AddTask_IdAlreadyLive_Throws()
    {
        var existing = _data.Get(_data.TasksOf(_emulator.OrganizationIds[0]).Keys.First())!;

        Assert.That(() => _data.AddTask(existing), Throws.ArgumentException);
        Assert.That(() => _data.AddTask(existing with { SenteraId = "new", OrganizationSenteraId = "nowhere" }), Throws.InstanceOf<KeyNotFoundException>());
    }

    [Test]
    public void GenerateTaskThenAddTask_AddsARealisticTaskToTheOrganization()
    {
        var organization = _emulator.OrganizationIds[2];
        var before = _data.CountTasks(organization);

        var task = _data.AddTask(_data.GenerateTask(organization) with { Status = EmulatorTaskStatus.Failed });

        Assert.That(_data.CountTasks(organization), Is.EqualTo(before + 1));
        Assert.That(_data.Get(task.SenteraId)!.Status, Is.EqualTo(EmulatorTaskStatus.Failed));
        Assert.That(_data.TaskCount, Is.EqualTo(101));
    }

    [Test]
    public void TasksOf_IsASnapshotThatLaterEditsDoNotChange()
    {
        var organization = _emulator.OrganizationIds[0];
        var snapshot = _data.TasksOf(organization, includeDescendants: true);
        var copy = snapshot.ToDictionary();

        _data.EditRandomTasks(10);
        _data.DeleteRandomTasks(5);

        Assert.That(snapshot, Is.EquivalentTo(copy));
    }

    [Test]
    public void EditRandomTasks_ChangesTheHashOfExactlyThatManyTasks()
    {
        var before = _data.TasksOf(_emulator.OrganizationIds[0], includeDescendants: true);

        var edited = _data.EditRandomTasks(7);
        var after = _data.TasksOf(_emulator.OrganizationIds[0], includeDescendants: true);

        Assert.That(edited.Select(t => t.SenteraId), Is.Unique);
        Assert.That(after.Count(kv => before[kv.Key] != kv.Value), Is.EqualTo(7));
    }

    [Test]
    public void DeleteRandomTasks_InOneOrganization_LeavesTheOthersAlone()
    {
        var child = _emulator.OrganizationIds[1];
        var othersBefore = _data.TaskCount - _data.CountTasks(child);

        var tombstones = _data.DeleteRandomTasks(3, child);

        Assert.That(tombstones.Select(t => t.OrganizationSenteraId), Is.All.EqualTo(child));
        Assert.That(_data.TaskCount - _data.CountTasks(child), Is.EqualTo(othersBefore));
        Assert.That(_data.TombstoneCount, Is.EqualTo(3));
    }

    [Test]
    public void OrganizationsInScope_ListsTheOrganizationThenItsDescendants()
    {
        var root = _emulator.OrganizationIds[0];

        Assert.That(_data.OrganizationsInScope(root, includeDescendants: true), Is.EqualTo(_emulator.OrganizationIds));
        Assert.That(_data.OrganizationsInScope(root), Is.EqualTo(new[] { root }));
        Assert.That(() => _data.OrganizationsInScope("missing"), Throws.InstanceOf<KeyNotFoundException>());
    }
}
