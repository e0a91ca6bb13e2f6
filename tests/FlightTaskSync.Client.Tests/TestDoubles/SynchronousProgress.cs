namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>An <see cref="IProgress{T}"/> that calls back at once on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
