using BenchmarkDotNet.Attributes;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Client;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Benchmarks;

/// <summary>
/// One offline edit call while 100,000 tasks are held (issue 16's target: at most 2 ms): the
/// public <see cref="IFlightTaskEditor"/> as an app calls it, each call one SQLite transaction that
/// queues the edit and updates the local view. The baseline is a read of one task by id, the
/// cheapest call an app makes on the same store. Each benchmark works through its own tasks, so a
/// begin always meets an open task; the queue grows as the run goes on, as it does offline.
/// </summary>
[Config(typeof(BenchmarkSettings))]
public class LocalEditBenchmarks
{
    private static readonly SyncScope Scope = new("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333", IncludeDescendantOrganizations: true);

    private TempDirectory _folder = null!;
    private ServiceProvider _services = null!;
    private IFlightTaskEditor _editor = null!;
    private IFlightTaskStore _store = null!;
    private List<string> _ids = null!;
    private List<string> _openIds = null!;
    private int _next;
    private int _nextOpen;

    [Params(100_000)]
    public int Held { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _folder = new TempDirectory();
        var path = _folder.File("held.db");
        var hashes = SyntheticTasks.HashesById(Held);
        await HeldStore.FillAsync(path, Scope, hashes, (await SamplePage.GetAsync()).Tasks);
        _services = SdkHost.Create(new Uri("http://127.0.0.1/graphql"), path, "token", new CannedPagesHandler(_ => EmptyPage.Body));
        _editor = _services.GetRequiredService<IFlightTaskEditor>();
        _store = _services.GetRequiredService<IFlightTaskStore>();
        _ids = [.. hashes.Keys];
        var open = await _store.ListAsync(Scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, Take = int.MaxValue });
        _openIds = [.. open.Select(t => t.SenteraId)];
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }

    [Benchmark(Baseline = true, Description = "GetAsync: one task by id")]
    public Task<FlightTask?> Get() => _store.GetAsync(Scope, NextId());

    [Benchmark(Description = "UpdateAsync: notes and completed time")]
    public Task<FlightTask> Update() =>
        _editor.UpdateAsync(Scope, NextId(), new FlightTaskChanges { Notes = "Creek corner flooded", CompletedAt = DateTimeOffset.UtcNow });

    [Benchmark(Description = "BeginAsync: an open task")]
    public Task<FlightTask> Begin() => _editor.BeginAsync(Scope, _openIds[_nextOpen++ % _openIds.Count]);

    [Benchmark(Description = "CreateAsync: a new task")]
    public Task<FlightTask> Create() =>
        _editor.CreateAsync(Scope, new NewFlightTask { Name = "Replant check", OrganizationSenteraId = Scope.OrganizationSenteraId, Notes = "Low spot by the creek" });

    private string NextId() => _ids[_next++ % _ids.Count];
}
