namespace FlightTaskSync.Emulator;

/// <summary>Where a mutation's changes come from, for the journal: the request, the root field and the token's user.</summary>
/// <param name="RequestNumber">The request's number.</param>
/// <param name="Operation">The root field, such as <c>begin_tasks</c>.</param>
/// <param name="UserSenteraId">The user of the request's bearer token.</param>
internal sealed record MutationSource(int RequestNumber, string Operation, string UserSenteraId);
