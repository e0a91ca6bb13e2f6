using BenchmarkDotNet.Attributes;
using FlightTaskSync.Benchmarks.Baselines;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Benchmarks;

/// <summary>
/// Applying one 2,000-task page: the SDK's store against the floor (one prepared command, one
/// transaction) and against EF Core in the find-update-or-add pattern. <c>New</c> pages insert
/// into an empty scope (an initial sync); <c>Changed</c> pages update every task (a delta sync).
/// </summary>
[Config(typeof(BenchmarkSettings))]
public class PageApplyBenchmarks
{
    private static readonly SyncScope Scope = new("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333", IncludeDescendantOrganizations: true);

    private TempDirectory _folder = null!;
    private FlightTaskDatabase _database = null!;
    private SqliteFlightTaskStore _store = null!;
    private FloorPageWriter _floor = null!;
    private FloorPageWriter _setup = null!;
    private EfCorePageApplier _efCore = null!;
    private IReadOnlyList<FlightTask> _before = null!;
    private IReadOnlyList<FlightTask> _page = null!;
    private byte[] _body = null!;
    private PageRows _rows = null!;

    public enum PageKind
    {
        New,
        Changed,
    }

    [Params(PageKind.New, PageKind.Changed)]
    public PageKind Kind { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var sample = await SamplePage.GetAsync();
        _before = sample.Tasks;
        _page = Kind == PageKind.New ? sample.Tasks : SyntheticTasks.Edited(sample.Tasks, version: 1);
        _body = sample.Body;

        // As the sync hands a page to the store: its rows, and how many of them the scope holds (from the sync's hashes).
        _rows = PageRows.FromTasks(_page, []);
        _rows.HeldCount = Kind == PageKind.New ? 0 : _page.Count;
        _folder = new TempDirectory();
        var path = _folder.File("apply.db");
        _database = new FlightTaskDatabase(path);
        _store = new SqliteFlightTaskStore(_database, TimeProvider.System);
        await _store.CountAsync(Scope); // creates the file and its schema
        _floor = new FloorPageWriter(path);
        _setup = new FloorPageWriter(path);
        _efCore = new EfCorePageApplier(path);
    }

    /// <summary>
    /// Empties or refills the table through a connection of its own, so that no measured side
    /// finds the rows it is about to change already in its page cache: SQLite drops a
    /// connection's cache when another one writes, so every side starts equally cold.
    /// </summary>
    [IterationSetup]
    public void EmptyOrFill()
    {
        _setup.DeleteAllTasks();
        if (Kind == PageKind.Changed)
        {
            _setup.Apply(Scope, _before);
        }

        _setup.Checkpoint();
    }

    [Benchmark(Baseline = true, Description = "Floor: one prepared command")]
    public void Floor() => _floor.Apply(Scope, _page);

    [Benchmark(Description = "SDK: store.ApplyPageAsync")]
    public Task Sdk() => _store.ApplyPageAsync(Scope, _rows);

    /// <summary>
    /// The sync's whole page path from the response body on: read once into the store's rows,
    /// then applied (a <c>Changed</c> page applies the sample's own tasks again, each an update).
    /// </summary>
    [Benchmark(Description = "SDK: parse body + store.ApplyPageAsync")]
    public async Task SdkFromBody()
    {
        using var page = SamplePage.Parse(_body);
        page.Rows.HeldCount = Kind == PageKind.New ? 0 : page.Upserted.Count;
        await _store.ApplyPageAsync(Scope, page.Rows);
    }

    [Benchmark(Description = "EF Core: find, update or add, SaveChanges")]
    public Task EfCore() => _efCore.ApplyAsync(Scope, _page);

    [GlobalCleanup]
    public void CleanUp()
    {
        _rows.Dispose();
        _floor.Dispose();
        _setup.Dispose();
        _database.Dispose();
        _folder.Dispose();
    }
}
