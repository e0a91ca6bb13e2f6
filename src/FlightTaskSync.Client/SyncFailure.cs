namespace FlightTaskSync.Client;

/// <summary>
/// One entry of a page's <c>failed</c> list: something the server could not sync, reported
/// inside an otherwise successful page. It does not stop the sync; it is kept in
/// <see cref="SyncReport.Failures"/> for the app to show or log.
/// </summary>
public sealed class SyncFailure
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The server's snake_case identifier of the problem.</param>
    /// <param name="message">The server's English message.</param>
    public SyncFailure(string key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Key = key;
        Message = message;
    }

    /// <summary>Gets the server's snake_case identifier of the problem.</summary>
    public string Key { get; }

    /// <summary>Gets the server's English message.</summary>
    public string Message { get; }

    /// <summary>Gets the server's UPPER_CASE error code, if it sent one.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the server's reason, if it sent one.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the server's <c>details</c> as JSON text, if it sent any.</summary>
    public string? DetailsJson { get; init; }

    /// <summary>Gets the number of the page (from 1) that reported the failure.</summary>
    public int PageNumber { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Code is null ? $"{Key}: {Message}" : $"{Key} ({Code}): {Message}";
}
