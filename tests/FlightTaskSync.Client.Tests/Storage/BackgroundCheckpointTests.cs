using System.Text.Json;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// The checkpoints that copy the WAL into the database file beside a sync's page writes: when they
/// start, what they copy, and that a failing one hurts nothing.
/// </summary>
public class BackgroundCheckpointTests
{
    // Each task's raw JSON padded to about 20 KB: a few hundred tasks pass the 8 MB threshold.
    private const int PaddedJsonBytes = 20_000;

    private TempDirectory _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempDirectory();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task ApplyPageAsync_PagesHoldingMoreThanTheThreshold_CopyTheWalIntoTheFile()
    {
        var path = _folder.File("flighttasks.db");
        using var database = new FlightTaskDatabase(path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);
        var perPage = 150;
        var pages = (int)(BackgroundCheckpoint.ThresholdBytes / (perPage * PaddedJsonBytes)) + 1;

        for (var page = 0; page < pages - 1; page++)
        {
            await ApplyAsync(store, page * perPage, perPage);
        }

        Assert.That(database.Checkpoints.Started, Is.Zero, "below the threshold SQLite's own checkpoint is left to do it");
        var fileBefore = new FileInfo(path).Length;

        await ApplyAsync(store, (pages - 1) * perPage, perPage);
        await database.Checkpoints.Running;

        Assert.That(database.Checkpoints.Started, Is.EqualTo(1));
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(fileBefore + BackgroundCheckpoint.ThresholdBytes),
            "the tasks written so far are in the database file, not only in the WAL");
        Assert.That(await store.CountAsync(StoreFixture.Scope), Is.EqualTo(pages * perPage));
        Assert.That(RawDatabase.Scalar(path, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
    }

    [Test]
    public async Task PageCommitted_BytesAddUpAcrossPages_StartsOneCheckpointAndCountsAgainFromZero()
    {
        var path = _folder.File("flighttasks.db");
        using var database = new FlightTaskDatabase(path);
        await using (await database.OpenConnectionAsync(CancellationToken.None))
        {
        }

        var checkpoints = database.Checkpoints;
        var half = BackgroundCheckpoint.ThresholdBytes / 2;

        checkpoints.PageCommitted(half);
        Assert.That(checkpoints.Started, Is.Zero);
        checkpoints.PageCommitted(half);
        await checkpoints.Running;
        Assert.That(checkpoints.Started, Is.EqualTo(1));

        checkpoints.PageCommitted(half);
        await checkpoints.Running;
        Assert.That(checkpoints.Started, Is.EqualTo(1), "the count starts again after a checkpoint");
    }

    [Test]
    public async Task PageCommitted_FileMissing_FailsQuietlyAndCreatesNothing()
    {
        var path = _folder.File("gone.db");
        using var checkpoints = new BackgroundCheckpoint(path);

        checkpoints.PageCommitted(BackgroundCheckpoint.ThresholdBytes);
        await checkpoints.Running;

        Assert.That(checkpoints.Started, Is.EqualTo(1));
        Assert.That(checkpoints.Running.IsCompletedSuccessfully, Is.True, "a failed checkpoint is logged, never thrown");
        Assert.That(File.Exists(path), Is.False, "the checkpoint's connection never creates a file");
    }

    [Test]
    public void PageCommitted_AfterDispose_StartsNothing()
    {
        var checkpoints = new BackgroundCheckpoint(_folder.File("flighttasks.db"));
        checkpoints.Dispose();

        checkpoints.PageCommitted(BackgroundCheckpoint.ThresholdBytes * 2);

        Assert.That(checkpoints.Started, Is.Zero);
    }

    private static async Task ApplyAsync(SqliteFlightTaskStore store, int first, int count)
    {
        var padding = new string('x', PaddedJsonBytes);
        var tasks = Enumerable.Range(first + 1, count)
            .Select(number => FlightTaskBuilder.Task(number)
                .WithRawJson(JsonSerializer.Serialize(new { id = FlightTaskBuilder.TaskId(number), padding }))
                .Build())
            .ToArray();
        using var page = PageRows.FromTasks(tasks, []);
        await store.ApplyPageAsync(StoreFixture.Scope, page);
    }
}
