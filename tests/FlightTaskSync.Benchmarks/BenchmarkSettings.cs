using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FlightTaskSync.Benchmarks;

/// <summary>
/// One job for every benchmark: in process (no per-benchmark build, which takes minutes on a
/// 2-core machine), few enough iterations that the whole suite runs in minutes, and the ratio to
/// each class's baseline beside the times, so every comparison comes from one run.
/// </summary>
internal sealed class BenchmarkSettings : ManualConfig
{
    public BenchmarkSettings()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(12)
            .WithId("InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
