namespace FlightTaskSync.Emulator.Http;

/// <summary>The type of the operation a request runs, as far as the emulator could tell before executing it.</summary>
internal enum RequestOperationType
{
    /// <summary>The body, the query or the operation to run could not be made out.</summary>
    Unknown,

    Query,

    Mutation,

    Subscription,
}
