using System.Diagnostics;
using FlightTaskSync.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Benchmarks.ScaleChild;

/// <summary>
/// The child's modes, each through the SDK's public API alone (registered as the package README
/// says, over a canned server or a live endpoint):
/// <list type="bullet">
/// <item><c>sync</c>: one <see cref="IFlightTaskSyncClient.SyncAsync"/>, timed (wall and processor time).</item>
/// <item><c>open</c>: one count of the scope (opens the store, so a file made by another build is migrated here, outside any measurement).</item>
/// <item><c>queries</c>: the first screen's queries and get by id, each repeated.</item>
/// <item><c>reader</c>: a sync as in <c>sync</c>, while a reader lists and counts every interval.</item>
/// </list>
/// </summary>
internal static class ChildRun
{
    private const int ErrorSamples = 5;

    private static readonly FlightTaskStatus[] Statuses =
    [
        FlightTaskStatus.Open, FlightTaskStatus.InProgress, FlightTaskStatus.FlightCompleted,
        FlightTaskStatus.WaitingForUpload, FlightTaskStatus.Completed, FlightTaskStatus.Failed, FlightTaskStatus.Canceled,
    ];

    private static readonly FlightTaskQuery OpenByUpdatedAt = new()
    {
        Status = FlightTaskStatus.Open,
        OrderBy = FlightTaskOrder.UpdatedAt,
        Descending = true,
        Take = 50,
    };

    private static FlightTaskQuery OpenOf(string assignee) => new()
    {
        Status = FlightTaskStatus.Open,
        AssignedToSenteraId = assignee,
        OrderBy = FlightTaskOrder.UpdatedAt,
        Descending = true,
        Take = 50,
    };

    public static async Task<ChildResult> RunAsync(ChildArguments arguments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(arguments.Database)!);
        var server = arguments.Endpoint is null ? new CannedServer(arguments.Pages) : null;
        var scope = new SyncScope(arguments.Scope, IncludeDescendantOrganizations: true);
        ChildResult result;
        var services = CreateServices(arguments, server);
        try
        {
            result = arguments.Mode switch
            {
                "sync" => await SyncAsync(services, scope, server, arguments),
                "open" => await OpenAsync(services, scope),
                "queries" => await QueriesAsync(services, scope, arguments),
                _ => await ReaderAsync(services, scope, server, arguments),
            };
        }
        finally
        {
            await services.DisposeAsync();
            server?.Dispose();
        }

        using (var self = Process.GetCurrentProcess())
        {
            result = result with { PeakWorkingSetBytes = self.PeakWorkingSet64 };
        }

        if (arguments.ExpectHeld is { } held && result.Held != held)
        {
            throw new InvalidOperationException($"The scope holds {result.Held} tasks at the end, not {held}.");
        }

        if (arguments.ExpectUpserted is { } upserted && result.Upserted != upserted)
        {
            throw new InvalidOperationException($"The sync upserted {result.Upserted} tasks, not {upserted}.");
        }

        if (arguments.Keep is not null)
        {
            Keep(arguments.Database, arguments.Keep);
        }

        return result;
    }

    private static ServiceProvider CreateServices(ChildArguments arguments, CannedServer? server)
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = arguments.Endpoint ?? new Uri("http://127.0.0.1/graphql");
            options.DatabasePath = arguments.Database;
            options.AccessTokenProvider = _ => Task.FromResult(arguments.Token);
        });
        var http = services.AddHttpClient(FlightTaskSyncOptions.HttpClientName).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        if (server is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(() => server);
        }

        return services.BuildServiceProvider();
    }

    private static async Task<ChildResult> SyncAsync(ServiceProvider services, SyncScope scope, CannedServer? server, ChildArguments arguments)
    {
        var sync = services.GetRequiredService<IFlightTaskSyncClient>();
        var (report, wall, cpu) = await MeasureAsync(() => sync.SyncAsync(scope));
        return new ChildResult
        {
            Mode = arguments.Mode,
            Held = report.TasksHeld,
            Upserted = report.Upserted,
            Pages = report.Pages,
            WallSeconds = wall.TotalSeconds,
            CpuSeconds = cpu.TotalSeconds,
            RequestBytes = server?.RequestBytes ?? 0,
        };
    }

    private static async Task<ChildResult> OpenAsync(ServiceProvider services, SyncScope scope)
    {
        var store = services.GetRequiredService<IFlightTaskStore>();
        var (held, wall, cpu) = await MeasureAsync(() => store.CountAsync(scope));
        return new ChildResult { Mode = "open", Held = held, WallSeconds = wall.TotalSeconds, CpuSeconds = cpu.TotalSeconds };
    }

    /// <summary>
    /// The first screen of an app holding the scope: open tasks by last change (first 50), open
    /// tasks of one assignee (first 50), the count of open tasks, the count of each status (seven
    /// counts, one sample), and a task by id. One round takes each once, in that order; the
    /// first round runs on a store just opened (its figures are the first of each list).
    /// </summary>
    private static async Task<ChildResult> QueriesAsync(ServiceProvider services, SyncScope scope, ChildArguments arguments)
    {
        var store = services.GetRequiredService<IFlightTaskStore>();
        var latencies = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var clock = new Stopwatch();
        var random = new Random(7);
        string? assignee = null;
        List<string> ids = [];
        var held = 0;
        for (var round = 0; round < arguments.Iterations; round++)
        {
            var open = await TimeAsync(latencies, "open by UpdatedAt, first 50", clock, () => store.ListAsync(scope, OpenByUpdatedAt));
            assignee ??= open.Select(t => t.AssignedToSenteraId).FirstOrDefault(a => a is not null)
                ?? throw new InvalidOperationException("No open task has an assignee: the data cannot exercise the assignee query.");
            var mine = await TimeAsync(latencies, "open by assignee, first 50", clock, () => store.ListAsync(scope, OpenOf(assignee)));
            if (mine.Count == 0)
            {
                throw new InvalidOperationException("The assignee query found nothing.");
            }

            await TimeAsync(latencies, "count open", clock, () => store.CountAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open }));
            await TimeAsync(latencies, "count by status (7 counts)", clock, async () =>
            {
                var total = 0;
                foreach (var status in Statuses)
                {
                    total += await store.CountAsync(scope, new FlightTaskQuery { Status = status });
                }

                return total;
            });
            if (ids.Count == 0)
            {
                // Ids to get: the runner's sample drawn from the whole organization, else the
                // scope's first 1,000 by creation (not part of any measurement).
                held = await store.CountAsync(scope);
                ids = arguments.Ids is { } file
                    ? [.. (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0)]
                    : [.. (await store.ListAsync(scope, new FlightTaskQuery { OrderBy = FlightTaskOrder.CreatedAt, Take = 1000 })).Select(t => t.SenteraId)];
            }

            var id = ids[random.Next(ids.Count)];
            var got = await TimeAsync(latencies, "get by id", clock, () => store.GetAsync(scope, id));
            if (got is null)
            {
                throw new InvalidOperationException($"Task {id} was listed but cannot be got.");
            }
        }

        return new ChildResult
        {
            Mode = "queries",
            Held = held,
            LatenciesMs = latencies.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// A sync as in sync mode, while a reader (another part of the same app) lists open tasks by
    /// last change and counts the scope every interval, through the same store.
    /// </summary>
    private static async Task<ChildResult> ReaderAsync(ServiceProvider services, SyncScope scope, CannedServer? server, ChildArguments arguments)
    {
        var store = services.GetRequiredService<IFlightTaskStore>();
        var sync = services.GetRequiredService<IFlightTaskSyncClient>();
        var latencies = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["reader: list"] = [], ["reader: count"] = [] };
        var errors = 0;
        var busy = 0;
        var samples = new List<string>();
        using var stop = new CancellationTokenSource();

        async Task ReadAsync()
        {
            var clock = new Stopwatch();
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(arguments.IntervalMs));
            while (!stop.IsCancellationRequested)
            {
                foreach (var (name, call) in new (string, Func<Task>)[]
                {
                    ("reader: list", () => store.ListAsync(scope, OpenByUpdatedAt)),
                    ("reader: count", () => store.CountAsync(scope)),
                })
                {
                    clock.Restart();
                    try
                    {
                        await call();
                        latencies[name].Add(clock.Elapsed.TotalMilliseconds);
                    }
#pragma warning disable CA1031 // The reader records every failure; the run reports them.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        errors++;
                        busy += IsBusy(exception) ? 1 : 0;
                        if (samples.Count < ErrorSamples)
                        {
                            samples.Add($"{exception.GetType().Name}: {exception.Message}");
                        }
                    }
                }

                try
                {
                    await timer.WaitForNextTickAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        var reader = Task.Run(ReadAsync);
        SyncReport report;
        TimeSpan wall;
        TimeSpan cpu;
        try
        {
            (report, wall, cpu) = await MeasureAsync(() => sync.SyncAsync(scope));
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }

        return new ChildResult
        {
            Mode = "reader",
            Held = report.TasksHeld,
            Upserted = report.Upserted,
            Pages = report.Pages,
            WallSeconds = wall.TotalSeconds,
            CpuSeconds = cpu.TotalSeconds,
            RequestBytes = server?.RequestBytes ?? 0,
            LatenciesMs = latencies.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            ReaderErrors = errors,
            ReaderBusy = busy,
            ErrorSamples = samples,
        };
    }

    private static bool IsBusy(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: 5 or 6 }
                || current.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<T> TimeAsync<T>(Dictionary<string, List<double>> latencies, string name, Stopwatch clock, Func<Task<T>> call)
    {
        clock.Restart();
        var value = await call();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!latencies.TryGetValue(name, out var list))
        {
            latencies[name] = list = [];
        }

        list.Add(elapsed);
        return value;
    }

    private static async Task<(T Value, TimeSpan Wall, TimeSpan Cpu)> MeasureAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var value = await work();
        clock.Stop();
        process.Refresh();
        return (value, clock.Elapsed, process.TotalProcessorTime - cpuBefore);
    }

    /// <summary>Copies the database (with its WAL, if any is left) once every connection is closed.</summary>
    private static void Keep(string database, string keep)
    {
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keep))!);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(keep + suffix);
            if (File.Exists(database + suffix))
            {
                File.Copy(database + suffix, keep + suffix);
            }
        }
    }
}
