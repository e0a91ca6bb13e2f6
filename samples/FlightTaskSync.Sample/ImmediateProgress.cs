namespace FlightTaskSync.Sample;

/// <summary>
/// Reports on the syncing thread at once. <see cref="Progress{T}"/> would post each report to the
/// thread pool, so the bar could show an older page after a newer one.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
