using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Benchmarks;

/// <summary>
/// Reading a 2,000-task response body (about 2.6 MB): the floor is a <see cref="Utf8JsonReader"/>
/// visiting every token of the same bytes; the sync reads it once with its page parser straight
/// into the store's rows (each task's raw JSON copied as UTF-8 into a pooled buffer). The generated
/// parser (result objects, no store rows) is kept beside it for comparison.
/// </summary>
[Config(typeof(BenchmarkSettings))]
public class PageParseBenchmarks
{
    private byte[] _body = null!;

    [GlobalSetup]
    public async Task SetUpAsync() => _body = (await SamplePage.GetAsync()).Body;

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader over every token")]
    public int Floor()
    {
        var reader = new Utf8JsonReader(_body);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "SDK: generated parser")]
    public object? Parse() => GraphQLResponseReader.Read(_body, SyncFlightTasksResultParser.Instance).Data;

    [Benchmark(Description = "SDK: page parser into store rows")]
    public int ParseToRows()
    {
        using var page = GraphQLResponseReader.Read(_body, new SyncPageParser(1)).Data!;
        return page.Upserted.Count;
    }
}
