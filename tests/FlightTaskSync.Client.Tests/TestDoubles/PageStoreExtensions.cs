using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests;

/// <summary>
/// The store's page calls with public model tasks, as the store tests write them: each page is
/// built (and so checked) by <see cref="PageRows.FromTasks"/>, applied, then disposed.
/// </summary>
internal static class PageStoreExtensions
{
    public static async Task<PageWriteResult> ApplyPageAsync(
        this IPageStore store, SyncScope scope, IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deletedIds, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        var hooked = upserted as PageWithHook;
        using var page = PageRows.FromTasks(hooked?.Tasks ?? upserted, deletedIds);
        if (hooked is not null)
        {
            // Its hook runs when the store reads the row the second time (inside the page's transaction).
            page.WrapUpserted(rows => new HookedRows(rows, hooked));
        }

        return await store.ApplyPageAsync(scope, page, claim, cancellationToken);
    }

    public static async Task<Dictionary<string, string>> ReadHashesOfAsync(
        this IPageStore store, SyncScope scope, IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deletedIds, CancellationToken cancellationToken = default)
    {
        using var page = PageRows.FromTasks(upserted, deletedIds);
        return await store.ReadHashesOfAsync(scope, page, cancellationToken);
    }

    public static async Task<List<string>> ReadHeldHashesAsync(this IPageStore store, SyncScope scope, CancellationToken cancellationToken = default)
    {
        var hashes = new List<string>();
        await store.ReadHeldHashesAsync(scope, utf8 => hashes.Add(System.Text.Encoding.UTF8.GetString(utf8)), cancellationToken);
        return hashes;
    }

    /// <summary>Rows that read the same position of a <see cref="PageWithHook"/> as they are read.</summary>
    private sealed class HookedRows(IReadOnlyList<TaskRow> rows, PageWithHook hooked) : IReadOnlyList<TaskRow>
    {
        public int Count => rows.Count;

        public TaskRow this[int index]
        {
            get
            {
                _ = hooked[index];
                return rows[index];
            }
        }

        public IEnumerator<TaskRow> GetEnumerator()
        {
            for (var i = 0; i < rows.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
