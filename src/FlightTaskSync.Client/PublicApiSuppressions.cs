using System.Diagnostics.CodeAnalysis;

// RS0026 guards against an overload with optional parameters that makes an existing call
// ambiguous. The two CountAsync overloads share only the trailing optional CancellationToken
// (the Azure SDK shape): CountAsync(scope) and CountAsync(scope, ct) bind to the first,
// CountAsync(scope, query) to the second, so no call can be ambiguous.
[assembly: SuppressMessage(
    "ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member",
    Target = "~M:FlightTaskSync.Client.IFlightTaskStore.CountAsync(FlightTaskSync.Client.SyncScope,System.Threading.CancellationToken)~System.Threading.Tasks.Task{System.Int32}",
    Justification = "Only the trailing CancellationToken is optional; no call binds ambiguously.")]
[assembly: SuppressMessage(
    "ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member",
    Target = "~M:FlightTaskSync.Client.IFlightTaskStore.CountAsync(FlightTaskSync.Client.SyncScope,FlightTaskSync.Client.FlightTaskQuery,System.Threading.CancellationToken)~System.Threading.Tasks.Task{System.Int32}",
    Justification = "Only the trailing CancellationToken is optional; no call binds ambiguously.")]
