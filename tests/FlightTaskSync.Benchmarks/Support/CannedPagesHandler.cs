using System.Net;
using System.Net.Http.Headers;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>
/// A server in a message handler: reads each request body to the end (as a server would, so the
/// client's serialization is paid in full), then answers with the prepared body of that page
/// number. The client's cost is then seen apart from any server's.
/// </summary>
internal sealed class CannedPagesHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Func<int, byte[]> _page;
    private int _requests;

    /// <param name="page">Gives the response body of page 1, 2, ... of the current sync.</param>
    public CannedPagesHandler(Func<int, byte[]> page)
    {
        _page = page;
    }

    /// <summary>Gets the bytes of every request body read since the last <see cref="Restart"/>.</summary>
    public long RequestBytes { get; private set; }

    /// <summary>Gets the requests answered since the last <see cref="Restart"/>.</summary>
    public int Requests => _requests;

    /// <summary>Starts again at page 1, for the next sync.</summary>
    public void Restart()
    {
        _requests = 0;
        RequestBytes = 0;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = new CountingStream();
        await request.Content!.CopyToAsync(body, cancellationToken);
        RequestBytes += body.Count;
        var content = new ByteArrayContent(_page(++_requests));
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
