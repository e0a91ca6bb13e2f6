using System.Text.Json;
using FlightTaskSync.Benchmarks.ScaleChild;

// One measured run; see ChildRun for the arguments. Prints its result as one JSON line.
var result = await ChildRun.RunAsync(ChildArguments.Parse(args));
Console.WriteLine(ChildResult.Prefix + JsonSerializer.Serialize(result));
return 0;
