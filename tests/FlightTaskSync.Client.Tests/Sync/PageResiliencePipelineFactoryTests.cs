using System.Net;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Transport;
using Polly;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>The predicates of the page pipeline: they judge an outcome and change nothing.</summary>
public sealed class PageResiliencePipelineFactoryTests
{
    [Test]
    public void ShouldRetry_SameUnauthorizedOutcomeTwice_GivesTheSameAnswerAndChangesNothing()
    {
        var attempts = new PageAttempts(new SyncScope("org"), pageNumber: 1);
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(PageResiliencePipelineFactory.AttemptsKey, attempts);
        IOperationResult<SyncPage> unauthorized = new OperationResult<SyncPage>(
            null, [new ClientError("HTTP 401", ClientErrorCodes.HttpError, statusCode: HttpStatusCode.Unauthorized)]);
        var outcome = Outcome.FromResult(unauthorized);

        var first = PageResiliencePipelineFactory.ShouldRetry(outcome, context);
        var second = PageResiliencePipelineFactory.ShouldRetry(outcome, context);
        ResilienceContextPool.Shared.Return(context);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "a predicate that answers differently the second time keeps state");
            Assert.That(attempts.Retries, Is.Zero);
        });
    }
}
