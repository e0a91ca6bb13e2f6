using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FlightTaskSync.Benchmarks.ScaleChild;

/// <summary>
/// A server in a message handler: reads each request body to the end (so the client's request
/// writing is paid in full), then answers with page 1, 2, ... from a folder of recorded
/// responses (<c>0001.json</c>, ...), and with an empty last page once they run out (or at once
/// when there is no folder: a sync that brings nothing).
/// </summary>
internal sealed class CannedServer : HttpMessageHandler
{
    private static readonly byte[] EmptyPage = Encoding.UTF8.GetBytes(
        """{"data":{"sync_flight_tasks":{"__typename":"SyncResult","remaining_count":0,"failed":null,"deleted":[],"upserted":[]}}}""");

    private readonly string? _folder;
    private int _requests;
    private long _requestBytes;

    public CannedServer(string? folder)
    {
        _folder = folder;
    }

    /// <summary>Gets the bytes of every request body read.</summary>
    public long RequestBytes => Interlocked.Read(ref _requestBytes);

    /// <summary>The file of one page in a folder of recorded pages.</summary>
    public static string PagePath(string folder, int page) =>
        Path.Combine(folder, page.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + ".json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var counter = new CountingStream();
        await request.Content!.CopyToAsync(counter, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _requestBytes, counter.Count);
        var page = Interlocked.Increment(ref _requests);
        var path = _folder is null ? null : PagePath(_folder, page);
        var body = path is not null && File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : EmptyPage;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    /// <summary>Keeps nothing, counts what is written.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
