namespace FlightTaskSync.Benchmarks.Support;

/// <summary>
/// Sits in the SDK's HTTP pipeline against a real server: counts the request bytes as they stream
/// out and keeps each response body, so the same pages can be replayed by <see cref="CannedPagesHandler"/>.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private long _requestBytes;

    public List<byte[]> Responses { get; } = [];

    public long RequestBytes => Interlocked.Read(ref _requestBytes);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content = new CountingContent(request.Content!, n => Interlocked.Add(ref _requestBytes, n));
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Responses.Add(body);
        var replay = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replay;
        return response;
    }
}
