using System.Globalization;
using FlightTaskSync.Emulator.Http;

namespace FlightTaskSync.Emulator;

/// <summary>
/// One fault to inject, made by the factory methods; see <see cref="EmulatorFaults"/>. A fault is
/// drawn by any request unless narrowed with <see cref="OnQueries"/>, <see cref="OnMutations"/> or
/// <see cref="OnRootField"/>, e.g. <c>EmulatorFault.Status(503).OnMutations()</c>.
/// </summary>
public sealed class EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind) => Kind = kind;

    /// <summary>The kind of fault.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>Which operation type a request must run to draw this fault.</summary>
    /// <value>The default value is <see cref="EmulatorFaultTarget.AnyRequest"/>.</value>
    public EmulatorFaultTarget Target { get; private set; }

    /// <summary>The root field a request's operation must select to draw this fault, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RootField { get; private set; }

    /// <summary>The wait of a <see cref="EmulatorFaultKind.Latency"/> fault.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>The HTTP status of a <see cref="EmulatorFaultKind.Status"/> or <see cref="EmulatorFaultKind.TooManyRequests"/> fault.</summary>
    public int StatusCode { get; private init; }

    /// <summary>The <c>Retry-After</c> of a <see cref="EmulatorFaultKind.TooManyRequests"/> fault (sent in whole seconds, rounded up).</summary>
    public TimeSpan RetryAfter { get; private init; }

    /// <summary>The <c>extensions.code</c> of a <see cref="EmulatorFaultKind.GraphQLError"/> fault.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>The message of a <see cref="EmulatorFaultKind.GraphQLError"/> fault.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>How many <c>failed</c> entries a <see cref="EmulatorFaultKind.FailedEntries"/> fault adds.</summary>
    public int FailedCount { get; private init; }

    /// <summary>Waits <paramref name="delay"/> (real time), then answers normally.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Latency(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(EmulatorFaultKind.Latency) { Delay = delay };
    }

    /// <summary>Answers with an HTTP error status and a small plain-text body.</summary>
    /// <param name="statusCode">A status from 400 to 599, typically 500, 502 or 503 (use <see cref="TooManyRequests"/> for 429).</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Status(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(EmulatorFaultKind.Status) { StatusCode = statusCode };
    }

    /// <summary>Answers 429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The wait to advertise, sent in whole seconds (rounded up).</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault TooManyRequests(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new(EmulatorFaultKind.TooManyRequests) { StatusCode = 429, RetryAfter = retryAfter };
    }

    /// <summary>Aborts the connection before any byte of the response.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ConnectionReset() => new(EmulatorFaultKind.ConnectionReset);

    /// <summary>Sends the headers (with the full <c>Content-Length</c>) and about half the body, then aborts.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault TruncatedBody() => new(EmulatorFaultKind.TruncatedBody);

    /// <summary>Answers 200 with <c>data: null</c> and one error.</summary>
    /// <param name="code">The error's <c>extensions.code</c>.</param>
    /// <param name="message">The error's message.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault GraphQLError(string code = "INTERNAL_SERVER_ERROR", string message = "The server failed to answer the query (fault injected by the emulator).")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(EmulatorFaultKind.GraphQLError) { ErrorCode = code, ErrorMessage = message };
    }

    /// <summary>
    /// Answers the normal page plus <paramref name="count"/> entries in <c>failed</c>. Sync answers only:
    /// a mutation that draws it is answered normally (narrow it with <see cref="OnQueries"/>).
    /// </summary>
    /// <param name="count">How many entries, at least 1.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault FailedEntries(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(EmulatorFaultKind.FailedEntries) { FailedCount = count };
    }

    /// <summary>
    /// Freezes sync answers on the next page computed, until <see cref="EmulatorFaults.Clear"/>. A mutation
    /// that draws it is answered normally, and the next sync page is frozen.
    /// </summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault Stalled() => new(EmulatorFaultKind.Stalled);

    /// <summary>
    /// Executes the request normally (a mutation's changes are committed and journaled), then aborts the
    /// connection before any byte of the response. Usually narrowed with <see cref="OnMutations"/>.
    /// </summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault AppliedThenDropped() => new(EmulatorFaultKind.AppliedThenDropped);

    /// <summary>The same fault, drawn only by requests whose operation is a <c>query</c>.</summary>
    /// <returns>A new fault; this one is unchanged.</returns>
    public EmulatorFault OnQueries() => Narrowed(EmulatorFaultTarget.Queries, RootField);

    /// <summary>The same fault, drawn only by requests whose operation is a <c>mutation</c>.</summary>
    /// <returns>A new fault; this one is unchanged.</returns>
    public EmulatorFault OnMutations() => Narrowed(EmulatorFaultTarget.Mutations, RootField);

    /// <summary>
    /// The same fault, drawn only by requests whose operation selects <paramref name="rootField"/>
    /// (such as <c>upsert_flight_tasks</c> or <c>sync_flight_tasks</c>).
    /// </summary>
    /// <param name="rootField">A root field of <c>Query</c> or <c>Mutation</c>, compared ordinally.</param>
    /// <returns>A new fault; this one is unchanged.</returns>
    public EmulatorFault OnRootField(string rootField)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootField);
        return Narrowed(Target, rootField);
    }

    /// <inheritdoc />
    public override string ToString() => Target == EmulatorFaultTarget.AnyRequest && RootField is null
        ? Describe()
        : $"{Describe()} on {(RootField is null ? Target.ToString() : Target == EmulatorFaultTarget.AnyRequest ? RootField : $"{Target} selecting {RootField}")}";

    /// <summary>Whether a request running <paramref name="operation"/> may draw this fault.</summary>
    internal bool Matches(RequestOperation operation) =>
        Target switch
        {
            EmulatorFaultTarget.Queries => operation.Type == RequestOperationType.Query,
            EmulatorFaultTarget.Mutations => operation.Type == RequestOperationType.Mutation,
            _ => true,
        }
        && (RootField is null || operation.RootFields.Contains(RootField));

    private EmulatorFault Narrowed(EmulatorFaultTarget target, string? rootField)
    {
        var copy = (EmulatorFault)MemberwiseClone();
        copy.Target = target;
        copy.RootField = rootField;
        return copy;
    }

    private string Describe() => Kind switch
    {
        EmulatorFaultKind.Latency => $"Latency({Delay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms)",
        EmulatorFaultKind.Status => $"Status({StatusCode.ToString(CultureInfo.InvariantCulture)})",
        EmulatorFaultKind.TooManyRequests => $"TooManyRequests(Retry-After {RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)} s)",
        EmulatorFaultKind.GraphQLError => $"GraphQLError({ErrorCode})",
        EmulatorFaultKind.FailedEntries => $"FailedEntries({FailedCount.ToString(CultureInfo.InvariantCulture)})",
        _ => Kind.ToString(),
    };

    internal long RetryAfterSeconds => (long)Math.Ceiling(RetryAfter.TotalSeconds);
}
