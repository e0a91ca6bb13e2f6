using FlightTaskSync.Client.Diagnostics;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Records the size of each request body in the <see cref="FlightTaskSyncTelemetry.RequestSize"/>
/// histogram. The body is streamed (its length is not known up front), so it is read off the
/// content once it has been sent.
/// </summary>
internal sealed class RequestSizeHandler(SyncInstruments instruments) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Content is GraphQLRequestContent { BytesWritten: > 0 } content)
        {
            instruments.RequestSize.Record(content.BytesWritten);
        }

        return response;
    }
}
