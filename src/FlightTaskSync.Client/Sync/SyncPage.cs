using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// One page of <c>sync_flight_tasks</c>, read once from the response body: the rows the store
/// writes (checked as they were built), the page's <c>failed</c> entries and remaining count.
/// Disposing it returns the rows' raw JSON buffer to its pool: only once the page's write has ended.
/// </summary>
internal sealed class SyncPage : IDisposable
{
    /// <summary>Creates a page that can be written.</summary>
    public SyncPage(PageRows rows, IReadOnlyList<SyncFailure> failures, int remainingCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(failures);
        Rows = rows;
        Failures = failures;
        RemainingCount = remainingCount;
    }

    private SyncPage(string problem, int remainingCount)
        : this(PageRows.Empty, [], remainingCount)
    {
        Problem = problem;
    }

    /// <summary>Gets the rows to write.</summary>
    public PageRows Rows { get; }

    /// <summary>Gets the rows to insert or update; no id twice.</summary>
    public IReadOnlyList<TaskRow> Upserted => Rows.Upserted;

    /// <summary>Gets the ids of the tasks to delete; no id twice, none also upserted.</summary>
    public IReadOnlyList<string> DeletedIds => Rows.DeletedIds;

    /// <summary>Gets the page's <c>failed</c> entries.</summary>
    public IReadOnlyList<SyncFailure> Failures { get; }

    /// <summary>Gets what the server says is left after this page.</summary>
    public int RemainingCount { get; }

    /// <summary>Gets whether the page carries no task at all.</summary>
    public bool IsEmpty => Rows.IsEmpty;

    /// <summary>
    /// Gets why the page breaks the protocol's rules (an id twice, a negative count, ...), or
    /// <see langword="null"/>. Such a page has no rows; it is refused whole, once the response is
    /// known to carry no error (an error of the response is what the sync reports first).
    /// </summary>
    public string? Problem { get; }

    /// <summary>A page refused for <paramref name="problem"/>.</summary>
    public static SyncPage Refused(string problem, int remainingCount) => new(problem, remainingCount);

    /// <inheritdoc/>
    public void Dispose() => Rows.Dispose();
}
