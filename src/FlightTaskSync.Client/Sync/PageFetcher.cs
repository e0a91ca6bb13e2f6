using System.Net;
using FlightTaskSync.Client.Transport;
using Polly;
using Polly.Timeout;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Fetches one page of <c>sync_flight_tasks</c> through the resilience pipeline, read by
/// <see cref="SyncPageParser"/> straight into the store's rows, and turns the final outcome into
/// the page or the <see cref="FlightTaskSyncException"/> that says what went wrong.
/// </summary>
internal sealed class PageFetcher
{
    private readonly ISyncFlightTasksQuery _query;
    private readonly ResiliencePipeline<IOperationResult<SyncPage>> _pipeline;

    public PageFetcher(ISyncFlightTasksQuery query, ResiliencePipeline<IOperationResult<SyncPage>> pipeline)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(pipeline);
        _query = query;
        _pipeline = pipeline;
    }

    /// <summary>Fetches the page that follows <paramref name="contentHashes"/>.</summary>
    /// <param name="scope">The scope being synced.</param>
    /// <param name="contentHashes">Every hash held for the scope: the protocol's cursor.</param>
    /// <param name="attempts">Where the pipeline records its retries for this page.</param>
    /// <param name="cancellationToken">Stops the request; surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The page, checked; the caller disposes it once its write has ended.</returns>
    public async Task<SyncPage> FetchAsync(
        SyncScope scope,
        IReadOnlyList<string> contentHashes,
        PageAttempts attempts,
        CancellationToken cancellationToken)
    {
        var variables = new SyncFlightTasksVariables(scope.OrganizationSenteraId, contentHashes, scope.IncludeDescendantOrganizations);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PageResiliencePipelineFactory.AttemptsKey, attempts);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    state.Attempts.OnAttemptStarting();
                    try
                    {
                        var result = await state.Query
                            .ExecuteAsync(state.Variables, new SyncPageParser(state.Attempts.PageNumber), ctx.CancellationToken)
                            .ConfigureAwait(false);
                        return Outcome.FromResult(result);
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<IOperationResult<SyncPage>>(exception);
                    }
                },
                context,
                (Query: _query, Variables: variables, Attempts: attempts)).ConfigureAwait(false);

            return Interpret(outcome, scope, attempts, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static SyncPage Interpret(
        Outcome<IOperationResult<SyncPage>> outcome,
        SyncScope scope,
        PageAttempts attempts,
        CancellationToken cancellationToken)
    {
        var tries = attempts.Retries + 1;
        if (outcome.Exception is { } exception)
        {
            // The caller's own cancellation goes out as it is, never wrapped.
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (exception is FlightTaskSyncException)
            {
                throw exception;
            }

            if (exception is AccessTokenUnavailableException tokenUnavailable)
            {
                throw new FlightTaskSyncUnavailableException(
                    $"Page {attempts.PageNumber} of the sync of {scope} failed after {tries} attempt(s): {tokenUnavailable.Message}. " +
                    "The tasks synced so far are kept; sync again when the connection is back.",
                    tokenUnavailable.InnerException)
                {
                    Attempts = tries,
                };
            }

            var what = exception switch
            {
                TimeoutRejectedException => "each attempt timed out",
                HttpRequestException => $"the server could not be reached ({exception.Message})",
                IOException => $"the connection broke ({exception.Message})",
                InvalidDataException => $"the compressed response could not be read ({exception.Message})",
                OperationCanceledException => "the connection was dropped",
                _ => null,
            };
            if (what is null)
            {
                throw new FlightTaskSyncException(
                    $"Page {attempts.PageNumber} of the sync of {scope} failed unexpectedly: {exception.Message}",
                    exception);
            }

            throw new FlightTaskSyncUnavailableException(
                $"Page {attempts.PageNumber} of the sync of {scope} failed after {tries} attempt(s): {what}. " +
                "The tasks synced so far are kept; sync again when the connection is back.",
                exception)
            {
                Attempts = tries,
            };
        }

        var result = outcome.Result!;
        if (result.Errors.Count == 0 && result.Data is { } page)
        {
            if (page.Problem is { } problem)
            {
                page.Dispose();
                throw new FlightTaskSyncInvalidResponseException(
                    $"Page {attempts.PageNumber} of the sync could not be used: {problem}. The page was not applied; the store " +
                    "keeps what the previous pages brought.")
                {
                    PageNumber = attempts.PageNumber,
                };
            }

            return page;
        }

        result.Data?.Dispose();
        throw FromErrors(result.Errors, scope, attempts.PageNumber, tries);
    }

    private static FlightTaskSyncException FromErrors(IReadOnlyList<IClientError> errors, SyncScope scope, int pageNumber, int tries)
    {
        var status = errors.FirstOrDefault(e => e.StatusCode is not null)?.StatusCode;
        var said = string.Join("; ", errors.Select(e => e.ToString())).TrimEnd('.');
        var first = errors.Count > 0 ? errors[0] : null;

        // A server answering 200 may say the same as a 401 or a 403 with a GraphQL error code.
        var code = ServerErrorCodes.RefusalOf(errors);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || code is not null)
        {
            var how = status is { } refused ? $"HTTP {(int)refused}" : $"the GraphQL error code {code}";
            var advice = status is HttpStatusCode.Unauthorized || code is ServerErrorCodes.Unauthenticated
                ? $"The access token was refused twice (a fresh one was asked for after the first {(status is null ? "refusal" : "401")}): the user must sign in again."
                : "The account has no access to this organization: check the organization id and the user's rights.";
            return new FlightTaskSyncAuthenticationException($"The sync of {scope} was refused with {how}. {advice}")
            {
                StatusCode = status,
            };
        }

        if (errors.Any(PageResiliencePipelineFactory.IsTransient))
        {
            return new FlightTaskSyncUnavailableException(
                $"Page {pageNumber} of the sync of {scope} failed after {tries} attempt(s): {said}. " +
                "The tasks synced so far are kept; sync again later.")
            {
                StatusCode = status,
                Attempts = tries,
            };
        }

        if (first?.Code is ClientErrorCodes.ResponseInvalid or ClientErrorCodes.ResponseTooLarge or ClientErrorCodes.ResponseNotJson)
        {
            return new FlightTaskSyncInvalidResponseException(
                $"Page {pageNumber} of the sync of {scope} could not be used: {said}. The page was not applied; the store " +
                "keeps what the previous pages brought. If this recurs, report it with this message.",
                first.Exception)
            {
                PageNumber = pageNumber,
            };
        }

        return new FlightTaskSyncRejectedException(
            $"The server rejected page {pageNumber} of the sync of {scope}: {said}. Check the organization id " +
            "and that this version of FlightTaskSync is still supported.")
        {
            StatusCode = status,
            ServerErrors = [.. errors.Select(e => e.ToString() ?? e.Message)],
        };
    }
}
