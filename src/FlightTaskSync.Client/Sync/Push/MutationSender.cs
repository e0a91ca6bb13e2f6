using System.Diagnostics;
using System.Net;
using FlightTaskSync.Client.Diagnostics;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.Logging;
using Polly;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Sends one planned call through the generated client (the only place the push meets its
/// snake_case names), within the mutation pipeline, and says what became of each entry. It never
/// throws for what the server or the network did: a call not answered comes back as
/// <see cref="CallResultKind.NotSent"/> or <see cref="CallResultKind.InDoubt"/> with the exception that
/// ends the push, so that the runner records the outcomes first.
/// </summary>
internal sealed class MutationSender
{
    private readonly IFieldAgentClient _client;
    private readonly ResiliencePipeline<IOperationResult<object>> _pipeline;
    private readonly ILogger _logger;

    public MutationSender(IFieldAgentClient client, ResiliencePipeline<IOperationResult<object>> pipeline, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _pipeline = pipeline;
        _logger = logger;
    }

    /// <summary>Sends a call whose entries all carry sentera ids (but a create's).</summary>
    /// <param name="scope">The scope being pushed.</param>
    /// <param name="call">The call.</param>
    /// <param name="callNumber">The call's number in the push, from 1, for logs and spans.</param>
    /// <param name="cancellationToken">Cancels the call; a call canceled after it may have gone out is in doubt.</param>
    public async Task<CallResult> SendAsync(SyncScope scope, PushCall call, int callNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(call);
        using var activity = SyncInstruments.ActivitySource.StartActivity("FlightTaskSync.Push");
        activity?.SetTag(FlightTaskSyncTelemetry.OrganizationTag, scope.OrganizationSenteraId);
        activity?.SetTag("flighttasksync.push.mutation", OperationName(call.Kind));
        activity?.SetTag("flighttasksync.push.entries", call.Entries.Count);

        var attempts = new MutationAttempts(scope, call, callNumber);
        var send = Prepare(call);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MutationResiliencePipelineFactory.AttemptsKey, attempts);
        CallResult result;
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, send) =>
                {
                    try
                    {
                        return Outcome.FromResult(await send(ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<IOperationResult<object>>(exception);
                    }
                },
                context,
                send).ConfigureAwait(false);
            result = Interpret(outcome, attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        activity?.SetTag("flighttasksync.push.retries", attempts.Retries);
        activity?.SetTag("flighttasksync.push.outcome", result.Kind.ToString());
        if (result.Kind != CallResultKind.Answered)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Failure?.GetType().Name);
        }

        return result;
    }

    private static string OperationName(PushCallKind kind) => kind switch
    {
        PushCallKind.Upsert => "upsert_flight_tasks",
        PushCallKind.Begin => "begin_tasks",
        _ => "delete_tasks",
    };

    /// <summary>Builds the call's variables once; each attempt sends the same.</summary>
    private Func<CancellationToken, Task<IOperationResult<object>>> Prepare(PushCall call)
    {
        switch (call.Kind)
        {
            case PushCallKind.Upsert:
                var imports = call.Entries.Select(FlightTaskImports.From).ToList();
                return async ct => await _client.UpsertFlightTasks.ExecuteAsync(imports, ct).ConfigureAwait(false);
            case PushCallKind.Begin:
                var beginIds = call.Entries.Select(e => e.TaskId).ToList();
                return async ct => await _client.BeginTasks.ExecuteAsync(beginIds, ct).ConfigureAwait(false);
            case PushCallKind.Delete:
                var deleteIds = call.Entries.Select(e => e.TaskId).ToList();
                return async ct => await _client.DeleteTasks.ExecuteAsync(deleteIds, ct).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Kind, "Unknown call kind.");
        }
    }

    private CallResult Interpret(Outcome<IOperationResult<object>> outcome, MutationAttempts attempts)
    {
        var call = attempts.Call;
        var tries = attempts.Retries + 1;
        var reason = MutationResiliencePipelineFactory.Describe(outcome);
        var where = $"Pushing to {attempts.Scope}, call {attempts.CallNumber} ({OperationName(call.Kind)}, {call.Entries.Count} entries)";
        switch (MutationResiliencePipelineFactory.Classify(outcome, attempts))
        {
            case MutationFailureClass.Answered:
                return new CallResult { Kind = CallResultKind.Answered, Entries = ReadAnswer(outcome.Result!, attempts), Retries = attempts.Retries };

            case MutationFailureClass.InDoubt:
                PushLog.CallInDoubt(_logger, attempts.Scope, attempts.CallNumber, call.Kind, call.EditIds.Count(), reason);
                return new CallResult
                {
                    Kind = CallResultKind.InDoubt,
                    Retries = attempts.Retries,
                    Failure = outcome.Exception is OperationCanceledException canceled
                        ? canceled
                        : new FlightTaskSyncUnavailableException(
                            $"{where} failed after the request may have reached the server ({reason}). Its edits are kept, and the next " +
                            "sync checks against the server's tasks which of them were applied before sending any again.",
                            outcome.Exception)
                        { StatusCode = Status(outcome), Attempts = tries },
                };

            case MutationFailureClass.Transient:
                PushLog.CallNotSent(_logger, attempts.Scope, attempts.CallNumber, call.Kind, call.EditIds.Count(), reason);
                return NotSent(new FlightTaskSyncUnavailableException(
                    $"{where} failed after {tries} attempt(s): {reason}. Its edits stay pending and go with the next sync.",
                    outcome.Exception)
                { StatusCode = Status(outcome), Attempts = tries });

            default:
                PushLog.CallNotSent(_logger, attempts.Scope, attempts.CallNumber, call.Kind, call.EditIds.Count(), reason);
                return NotSent(Refusal(outcome, where, reason));
        }

        CallResult NotSent(Exception failure) => new() { Kind = CallResultKind.NotSent, Failure = failure, Retries = attempts.Retries };
    }

    private static Exception Refusal(Outcome<IOperationResult<object>> outcome, string where, string reason)
    {
        if (outcome.Exception is { } exception)
        {
            // Our own handlers' errors (no token from the app) are already the right kind.
            return exception is FlightTaskSyncException ? exception : new FlightTaskSyncException($"{where} failed unexpectedly: {reason}", exception);
        }

        var status = Status(outcome);
        // Without a failing status, the GraphQL error code may say the same as a 401 or a 403.
        var code = status is null && outcome.Result is { } result ? ServerErrorCodes.RefusalOf(result.Errors) : null;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || code is not null)
        {
            var how = status is { } refused ? $"HTTP {(int)refused}" : $"the GraphQL error code {code}";
            var advice = status is HttpStatusCode.Unauthorized || code is ServerErrorCodes.Unauthenticated
                ? "The access token was refused twice (a fresh one was asked for after the first refusal): the user must sign in again."
                : "The account may not change these tasks: check the user's rights.";
            return new FlightTaskSyncAuthenticationException($"{where} was refused with {how}. {advice} The edits stay pending.") { StatusCode = status };
        }

        return new FlightTaskSyncRejectedException($"{where} was refused as a whole: {reason}. Its edits stay pending and go with the next sync.")
        {
            StatusCode = status,
            ServerErrors = [.. outcome.Result?.Errors.Select(e => e.ToString() ?? e.Message) ?? []],
        };
    }

    private static HttpStatusCode? Status(Outcome<IOperationResult<object>> outcome) =>
        outcome.Result?.Errors.FirstOrDefault(e => e.StatusCode is not null)?.StatusCode;

    private IReadOnlyList<EntryResult> ReadAnswer(IOperationResult<object> result, MutationAttempts attempts)
    {
        var entries = attempts.Call.Entries;
        var results = result.Data switch
        {
            IUpsertFlightTasksResult upsert => MutationAnswers.ReadUpsert(entries, upsert.Upsert_flight_tasks, Mismatch),
            IBeginTasksResult begin => MutationAnswers.ReadBegin(entries, begin.Begin_tasks),
            IDeleteTasksResult delete => MutationAnswers.ReadDelete(entries, delete.Delete_tasks, result.Errors.Count > 0),
            _ => throw new InvalidOperationException($"Unexpected result {result.Data?.GetType().Name} for a {attempts.Call.Kind} call."),
        };
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var applied = results.Count(r => r.Kind == EditOutcomeKind.Applied);
            var rejected = results.Count(r => r.Kind == EditOutcomeKind.Rejected);
            PushLog.CallAnswered(_logger, attempts.Scope, attempts.CallNumber, attempts.Call.Kind, applied, rejected, results.Count - applied - rejected);
        }

        return results;

        void Mismatch(string what) => PushLog.AnswerMismatch(_logger, attempts.Scope, attempts.CallNumber, attempts.Call.Kind, what);
    }
}
