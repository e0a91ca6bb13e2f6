using BenchmarkDotNet.Running;
using FlightTaskSync.Benchmarks.Scale;

// `-- scale [--quick]` runs the scale runner; `-- scale --baseline <ref> [--quick]` runs it side by
// side with a build of another commit (SideBySideCommand); `-- scale-run ...` is one of its child processes;
// anything else goes to BenchmarkDotNet (e.g. `--filter *PageApply*`; no argument runs every benchmark).
if (args.Length > 0 && args[0] == "scale" && args.Contains("--baseline"))
{
    return await SideBySideCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "scale")
{
    return await ScaleCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == ScaleChild.Verb)
{
    return await ScaleChild.RunAsync(args[1..]);
}

var benchmarks = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly);
if (args.Length == 0)
{
    benchmarks.RunAll();
}
else
{
    benchmarks.Run(args);
}

return 0;
