// The names the README's code snippets take as given: the app's services, a token source, the
// scope, a UI dispatcher and the app's own screens. FlightTaskSync.PackageTests writes each
// ```csharp block of the package README (src/FlightTaskSync.Client/README.md) and of the
// repository README into ReadmeSnippets.g.cs, as a method of this class, so that building this
// app compiles every snippet against the packages; an error points at the README's line.
// Nothing runs them.
using FlightTaskSync.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

#pragma warning disable IDE1006 // The snippets' names are camelCase locals in the README.

internal abstract partial class ReadmeSnippets
{
    protected IServiceCollection services = new ServiceCollection();
    protected IServiceProvider provider = null!;
    protected IHostApplicationBuilder builder = null!;
    protected ITokenSource tokens = null!;
    protected ITokenSource tokensOfA = null!;
    protected string appData = "";
    protected SyncScope scope = null!;
    protected IFlightTaskSyncClient sync = null!;
    protected IFlightTaskStore store = null!;
    protected CancellationToken ct = CancellationToken.None;
    protected IDispatcher dispatcher = null!;

    /// <summary>An app's OAuth2 token source, as most have one.</summary>
    internal interface ITokenSource
    {
        Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
    }

    /// <summary>A UI thread's dispatcher.</summary>
    internal interface IDispatcher
    {
        void Post(Action action);
    }

    protected abstract void ShowProgress(double fraction);

    protected abstract void Show(IReadOnlyList<FlightTask> tasks);

    protected abstract void RefreshList(SyncScope changedScope, IReadOnlyList<string> upsertedIds, IReadOnlyList<string> deletedIds, bool isReset);

    protected abstract void ShowStatusBar(SyncStatus status);

    protected abstract void ShowOfflineBanner();

    protected abstract void ShowNoAccess(SyncScope deniedScope);
}
