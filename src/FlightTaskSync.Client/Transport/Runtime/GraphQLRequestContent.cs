using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// The JSON body of a GraphQL request, written straight into the request stream: a request can
/// carry 100,000+ content hashes, and none of it is first assembled as one string or array.
/// </summary>
internal sealed class GraphQLRequestContent : HttpContent
{
    // The body goes to a GraphQL server, never into HTML, so HTML-sensitive characters need no
    // escaping; the default encoder would turn every '+' of a base64 hash into "\u002B".
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly IOperationRequest _request;

    public GraphQLRequestContent(IOperationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    /// <summary>Gets how many bytes the body had the last time it was written (0 before).</summary>
    public long BytesWritten { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("operationName"u8, _request.OperationName);
            writer.WriteString("query"u8, _request.Document);
            writer.WritePropertyName("variables"u8);
            await _request.WriteVariablesAsync(writer, cancellationToken).ConfigureAwait(false);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            BytesWritten = writer.BytesCommitted;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        // Unknown until written: the body is sent chunked.
        length = 0;
        return false;
    }
}
