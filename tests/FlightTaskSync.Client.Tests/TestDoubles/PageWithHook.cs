using System.Collections;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// A page's task list that runs an action in the middle of the store's work on it: the second
/// time the task at <paramref name="index"/> is read. The store reads the list once to check it
/// before opening its transaction, so the second read happens inside the transaction; tests
/// confirm that by looking for the write lock in the action.
/// </summary>
internal sealed class PageWithHook(IReadOnlyList<FlightTask> tasks, int index, Action action) : IReadOnlyList<FlightTask>
{
    private int _readsOfIndex;

    public bool Ran { get; private set; }

    /// <summary>Gets the tasks, read without counting.</summary>
    public IReadOnlyList<FlightTask> Tasks => tasks;

    public int Count => tasks.Count;

    public FlightTask this[int i]
    {
        get
        {
            if (i == index && ++_readsOfIndex == 2)
            {
                Ran = true;
                action();
            }

            return tasks[i];
        }
    }

    public IEnumerator<FlightTask> GetEnumerator()
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
