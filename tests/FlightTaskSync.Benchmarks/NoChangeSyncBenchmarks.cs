using FlightTaskSync.Client.Transport;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Benchmarks;

/// <summary>
/// A sync that finds nothing new while 100,000 tasks are held: the SDK's whole sync (lock, hash
/// read, request, empty page, bookkeeping) over a handler that reads the request and answers the
/// empty page, against the floor: read the scope's hashes and write them once as JSON.
/// </summary>
[Config(typeof(BenchmarkSettings))]
public class NoChangeSyncBenchmarks
{
    private static readonly SyncScope Scope = new("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333", IncludeDescendantOrganizations: true);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private TempDirectory _folder = null!;
    private ServiceProvider _services = null!;
    private IFlightTaskSyncClient _sync = null!;
    private IPageStore _store = null!;
    private string _connectionString = null!;

    [Params(100_000)]
    public int Held { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _folder = new TempDirectory();
        var path = _folder.File("held.db");
        await HeldStore.FillAsync(path, Scope, SyntheticTasks.HashesById(Held), (await SamplePage.GetAsync()).Tasks);
        _connectionString = $"Data Source={path}";
        _services = SdkHost.Create(new Uri("http://127.0.0.1/graphql"), path, "token", new CannedPagesHandler(_ => EmptyPage.Body));
        _sync = _services.GetRequiredService<IFlightTaskSyncClient>();
        _store = _services.GetRequiredService<IPageStore>();
    }

    [Benchmark(Baseline = true, Description = "Floor: read the hashes, write them once")]
    public async Task<long> Floor()
    {
        var sent = new CountingStream();
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = ScopeQuery(connection, "content_hash");
        await using var json = new Utf8JsonWriter(sent, WriterOptions);
        json.WriteStartArray();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                json.WriteStringValue(reader.GetString(0));
                if (json.BytesPending > 16384)
                {
                    await json.FlushAsync();
                }
            }
        }

        json.WriteEndArray();
        await json.FlushAsync();
        return sent.Count;
    }

    /// <summary>
    /// Not the floor, but what bounded the SDK before a delta sync stopped keeping an id
    /// map: (id, hash) pairs read into a map, plus the hashes written once, with nothing else. A
    /// full resync still reads the pairs (for the ids held before it).
    /// </summary>
    [Benchmark(Description = "Floor + ids: read (id, hash) into a map, write the hashes once")]
    public async Task<long> FloorWithIds()
    {
        var sent = new CountingStream();
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = ScopeQuery(connection, "sentera_id, content_hash");
        var held = new Dictionary<string, string>(Held, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                held.Add(reader.GetString(0), reader.GetString(1));
            }
        }

        await using var json = new Utf8JsonWriter(sent, WriterOptions);
        json.WriteStartArray();
        foreach (var hash in held.Values)
        {
            json.WriteStringValue(hash);
            if (json.BytesPending > 16384)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        await json.FlushAsync();
        return sent.Count;
    }

    [Benchmark(Description = "SDK: SyncAsync, nothing new")]
    public Task<SyncReport> Sdk() => _sync.SyncAsync(Scope);

    /// <summary>Where the sync's time goes: the store's read of the hash set, as the request's JSON list.</summary>
    [Benchmark(Description = "Part of SDK: store.ReadHeldHashesAsync")]
    public async Task<int> ReadHashes()
    {
        var hashes = new JsonStringList(1024);
        await _store.ReadHeldHashesAsync(Scope, hashes.AddUtf8);
        return hashes.Count;
    }

    /// <summary>What a full resync reads instead (and what a delta sync read before it kept no id map): the (id, hash) pairs.</summary>
    [Benchmark(Description = "Not in a delta sync: store.ReadContentHashesAsync (id map)")]
    public async Task<int> ReadHashPairs() => (await _store.ReadContentHashesAsync(Scope)).Count;

    /// <summary>A query of the scope's rows for <paramref name="columns"/>, found by organization as the SDK does.</summary>
    private static SqliteCommand ScopeQuery(SqliteConnection connection, string columns)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {columns} FROM flight_tasks WHERE scope_id = " +
            "(SELECT scope_id FROM sync_scopes WHERE organization_sentera_id = $organization AND include_descendants = $descendants);";
        command.Parameters.AddWithValue("$organization", Scope.OrganizationSenteraId);
        command.Parameters.AddWithValue("$descendants", Scope.IncludeDescendantOrganizations);
        return command;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
