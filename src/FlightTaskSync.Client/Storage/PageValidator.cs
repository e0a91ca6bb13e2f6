namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The one check of a page, run as the page is built (<see cref="PageRows.Builder.TryBuild"/>),
/// so that a bad page is refused whole before anything of it is written and the store keeps its
/// last good state. A null task, a task without sentera_id, content_hash or another required
/// value, a null or empty deleted id, an id twice in one list, or an id in both lists.
/// </summary>
internal static class PageValidator
{
    /// <summary>Finds the first problem of a page (upserted rows in order, then deleted ids), or <see langword="null"/>.</summary>
    public static PageProblem? FindProblem(IReadOnlyList<TaskRow?> upserted, IReadOnlyList<string?> deletedIds)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deletedIds);

        var upsertedIds = new HashSet<string>(upserted.Count, StringComparer.Ordinal);
        for (var i = 0; i < upserted.Count; i++)
        {
            var row = upserted[i];
            if (row is null)
            {
                return new PageProblem(PageProblemKind.NullTask, i, null);
            }

            if (string.IsNullOrEmpty(row.SenteraId))
            {
                return new PageProblem(PageProblemKind.NoSenteraId, i, null);
            }

            if (string.IsNullOrEmpty(row.ContentHash))
            {
                return new PageProblem(PageProblemKind.NoContentHash, i, row.SenteraId);
            }

            // The model marks these required; a null would only fail later, inside the transaction.
            if (row.Name is null || row.Status is null || row.CreatedBySenteraId is null || row.RawJson.IsEmpty)
            {
                return new PageProblem(PageProblemKind.RequiredValueMissing, i, row.SenteraId);
            }

            if (!upsertedIds.Add(row.SenteraId))
            {
                return new PageProblem(PageProblemKind.UpsertedTwice, i, row.SenteraId);
            }
        }

        var deleted = new HashSet<string>(deletedIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < deletedIds.Count; i++)
        {
            var id = deletedIds[i];
            if (string.IsNullOrEmpty(id))
            {
                return new PageProblem(PageProblemKind.EmptyDeletedId, i, null);
            }

            if (!deleted.Add(id))
            {
                return new PageProblem(PageProblemKind.DeletedTwice, i, id);
            }

            if (upsertedIds.Contains(id))
            {
                return new PageProblem(PageProblemKind.UpsertedAndDeleted, i, id);
            }
        }

        return null;
    }
}

/// <summary>What is wrong with a page.</summary>
internal enum PageProblemKind
{
    /// <summary>An upserted task is null.</summary>
    NullTask,

    /// <summary>An upserted task has no sentera_id.</summary>
    NoSenteraId,

    /// <summary>An upserted task has no content_hash.</summary>
    NoContentHash,

    /// <summary>An upserted task lacks name, status, created_by or raw JSON.</summary>
    RequiredValueMissing,

    /// <summary>An id is upserted twice.</summary>
    UpsertedTwice,

    /// <summary>A deleted id is null or empty.</summary>
    EmptyDeletedId,

    /// <summary>An id is deleted twice.</summary>
    DeletedTwice,

    /// <summary>An id is both upserted and deleted.</summary>
    UpsertedAndDeleted,
}

/// <summary>The first problem of a page: what, at which position of its list, and the id when there is one.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Index">The position in the upserted list, or in the deleted list for the deleted-id kinds.</param>
/// <param name="SenteraId">The id concerned, when the entry has one.</param>
internal sealed record PageProblem(PageProblemKind Kind, int Index, string? SenteraId)
{
    /// <summary>Gets whether the problem is in the deleted ids (else in the upserted tasks).</summary>
    public bool InDeletedIds => Kind is PageProblemKind.EmptyDeletedId or PageProblemKind.DeletedTwice or PageProblemKind.UpsertedAndDeleted;

    /// <summary>Gets the store's message for the problem: it names the id or the position.</summary>
    public string Message => Kind switch
    {
        PageProblemKind.NullTask => $"The page's upserted task at index {Index} is null.",
        PageProblemKind.NoSenteraId => $"The page's upserted task at index {Index} has no sentera_id.",
        PageProblemKind.NoContentHash => $"The page's upserted task '{SenteraId}' has no content_hash.",
        PageProblemKind.RequiredValueMissing => $"The page's upserted task '{SenteraId}' lacks a required value (name, status, created_by or raw JSON).",
        PageProblemKind.UpsertedTwice => $"The page upserts task '{SenteraId}' twice.",
        PageProblemKind.EmptyDeletedId => $"The page's deleted id at index {Index} is null or empty.",
        PageProblemKind.DeletedTwice => $"The page deletes task '{SenteraId}' twice.",
        _ => $"The page both upserts and deletes task '{SenteraId}'.",
    };
}
