using BenchmarkDotNet.Attributes;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Benchmarks;

/// <summary>
/// Building the request of one page while 100,000 hashes are held (about 2 MB of JSON): what the
/// SDK does per page (hash list, variables, validation, the JSON body written to the stream)
/// against the floor, the same body's bytes copied once into the same stream.
/// </summary>
[Config(typeof(BenchmarkSettings))]
public class RequestBuildBenchmarks
{
    private const string Organization = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";

    private HeldContentHashes _held = null!;
    private SyncFlightTasksQuery _query = null!;
    private MemoryStream _sent = null!;
    private byte[] _body = null!;

    [Params(100_000)]
    public int Held { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var stored = new JsonStringList(Held);
        foreach (var hash in SyntheticTasks.HashesById(Held).Values)
        {
            stored.Add(hash);
        }

        _held = HeldContentHashes.FromStore(stored);
        _sent = new MemoryStream(capacity: Held * 24 + 8192);
        _query = new SyncFlightTasksQuery(new SendingConnection(_sent));
        await Sdk();
        _body = _sent.ToArray();
    }

    [Benchmark(Baseline = true, Description = "Floor: copy the body once")]
    public void Floor()
    {
        _sent.Position = 0;
        _sent.Write(_body);
    }

    [Benchmark(Description = "SDK: build and write the request")]
    public Task Sdk()
    {
        _sent.Position = 0;
        return _query.ExecuteAsync(Organization, _held.ToRequestList(), includeDescendantOrganizations: true);
    }

    /// <summary>Writes each request's body to a stream as the HTTP connection does, and answers nothing.</summary>
    private sealed class SendingConnection(Stream sent) : IGraphQLConnection
    {
        public async Task<IOperationResult<TData>> ExecuteAsync<TData>(IOperationRequest request, IOperationResultParser<TData> parser, CancellationToken cancellationToken)
            where TData : class
        {
            using var content = new GraphQLRequestContent(request);
            await content.CopyToAsync(sent, cancellationToken);
            return new OperationResult<TData>(null, []);
        }
    }
}
