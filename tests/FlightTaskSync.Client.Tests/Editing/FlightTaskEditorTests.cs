using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.Client.Tests.Editing;

/// <summary>The editor checks, stamps and hands each edit to the store; a bad edit never reaches it.</summary>
public sealed class FlightTaskEditorTests
{
    private const string Organization = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";
    private const string TaskId = "w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336";
    private static readonly SyncScope Scope = new(Organization);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567));
    private RecordingEditStore _store = null!;
    private FlightTaskEditor _editor = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new RecordingEditStore();
        _editor = new FlightTaskEditor(_store, _clock);
    }

    [Test]
    public async Task UpdateAsync_GoodChanges_HandsTheStoreOneUpdateStampedToTheMillisecond()
    {
        // Arrange
        var changes = new FlightTaskChanges { Notes = "Creek corner flooded" };

        // Act
        await _editor.UpdateAsync(Scope, TaskId, changes);

        // Assert
        var edit = _store.Added.Single();
        Assert.Multiple(() =>
        {
            Assert.That(edit.Kind, Is.EqualTo(PendingEditKind.Update));
            Assert.That(edit.TaskId, Is.EqualTo(TaskId));
            Assert.That(edit.Changes, Is.SameAs(changes));
            Assert.That(edit.MadeAt, Is.EqualTo(new DateTimeOffset(2026, 6, 1, 9, 0, 0, 123, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task CreateAsync_GoodTask_GetsANewLocalIdEachTime()
    {
        // Arrange
        var task = new NewFlightTask { Name = "Replant check", OrganizationSenteraId = Organization };

        // Act
        await _editor.CreateAsync(Scope, task);
        await _editor.CreateAsync(Scope, task);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(_store.Added.Select(e => e.TaskId), Is.All.StartsWith(LocalTaskId.Prefix));
            Assert.That(_store.Added.Select(e => e.TaskId), Is.Unique);
            Assert.That(_store.Added.Select(e => e.NewTask), Is.All.SameAs(task));
        });
    }

    [Test]
    public async Task BeginAsyncAndDeleteAsync_HandTheStoreTheirKind()
    {
        // Act
        await _editor.BeginAsync(Scope, TaskId);
        await _editor.DeleteAsync(Scope, TaskId);

        // Assert
        Assert.That(_store.Added.Select(e => e.Kind), Is.EqualTo(new[] { PendingEditKind.Begin, PendingEditKind.Delete }));
    }

    [Test]
    public void UpdateAsync_BadChanges_ThrowsAndQueuesNothing()
    {
        // Act, Assert
        Assert.Multiple(() =>
        {
            Assert.That(() => _editor.UpdateAsync(Scope, TaskId, new FlightTaskChanges { Name = "" }), Throws.ArgumentException);
            Assert.That(() => _editor.UpdateAsync(Scope, TaskId, new FlightTaskChanges()), Throws.ArgumentException);
            Assert.That(() => _editor.UpdateAsync(Scope, " ", new FlightTaskChanges { Notes = "x" }), Throws.ArgumentException);
            Assert.That(() => _editor.CreateAsync(Scope, new NewFlightTask { Name = "x", OrganizationSenteraId = "another_OR_org" }), Throws.ArgumentException);
            Assert.That(() => _editor.BeginAsync(null!, TaskId), Throws.ArgumentNullException);
            Assert.That(() => _editor.DeleteAsync(Scope, null!), Throws.ArgumentNullException);
        });
        Assert.That(_store.Added, Is.Empty);
    }

    [Test]
    public void UpdateAsync_StoreSaysNoSuchTask_ItsExceptionComesThrough()
    {
        // Arrange
        _store.Failure = new KeyNotFoundException("no such task");

        // Act, Assert
        Assert.That(() => _editor.UpdateAsync(Scope, TaskId, new FlightTaskChanges { Notes = "x" }), Throws.TypeOf<KeyNotFoundException>());
    }

    /// <summary>An <see cref="ILocalEditStore"/> that records what it is given.</summary>
    private sealed class RecordingEditStore : ILocalEditStore
    {
        public List<LocalEdit> Added { get; } = [];

        public Exception? Failure { get; set; }

        public Task<FlightTask?> AddEditAsync(SyncScope scope, LocalEdit edit, CancellationToken cancellationToken = default)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Added.Add(edit);
            return Task.FromResult<FlightTask?>(edit.Kind == PendingEditKind.Delete ? null : new FlightTask
            {
                SenteraId = edit.TaskId, ContentHash = string.Empty, Name = edit.NewTask?.Name ?? "task", Status = FlightTaskStatus.Open, StatusValue = "OPEN",
                Provider = FlightTaskProvider.Self, CreatedBySenteraId = string.Empty, CreatedAt = edit.MadeAt, UpdatedAt = edit.MadeAt, RawJson = "{}",
            });
        }

        public Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PendingEdit>>([]);

        public Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
