using GraphQL;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>What the resolvers of one request need, carried in the GraphQL user context.</summary>
internal sealed class RequestState(EmulatorData data, EmulatorFaults faults, int pageSize, int failedEntries, int requestNumber, string userSenteraId)
{
    private const string Key = "FlightTaskSync.Emulator.RequestState";

    public EmulatorData Data { get; } = data;

    public EmulatorFaults Faults { get; } = faults;

    public int PageSize { get; } = pageSize;

    /// <summary>How many <c>failed</c> entries an injected fault adds to a sync answer (0: none, <c>failed</c> is null).</summary>
    public int FailedEntries { get; } = failedEntries;

    /// <summary>The user of the request's bearer token: who creates, updates, begins and deletes.</summary>
    public string UserSenteraId { get; } = userSenteraId;

    /// <summary>What the journal records of a mutation of this request.</summary>
    public MutationSource SourceOf(string operation) => new(requestNumber, operation, UserSenteraId);

    public Dictionary<string, object?> ToUserContext() => new(StringComparer.Ordinal) { [Key] = this };

    public static RequestState From(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var state) && state is RequestState requestState
            ? requestState
            : throw new InvalidOperationException("The request state is missing from the user context.");
}
