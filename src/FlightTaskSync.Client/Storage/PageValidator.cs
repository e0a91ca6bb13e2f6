namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Checks a page before anything of it is written, so that a bad page is refused whole and the
/// store keeps its last good state.
/// </summary>
internal static class PageValidator
{
    /// <summary>Throws when the page cannot be applied as one consistent change.</summary>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">
    /// A null task, a task without sentera_id or content_hash or another required value, a null or empty deleted id, an id
    /// twice in one list, or an id in both lists. The message names the id or position.
    /// </exception>
    public static void Validate(IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deletedIds)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deletedIds);

        var upsertedIds = new HashSet<string>(upserted.Count, StringComparer.Ordinal);
        for (var i = 0; i < upserted.Count; i++)
        {
            var task = upserted[i] ?? throw new ArgumentException($"The page's upserted task at index {i} is null.", nameof(upserted));
            if (string.IsNullOrEmpty(task.SenteraId))
            {
                throw new ArgumentException($"The page's upserted task at index {i} has no sentera_id.", nameof(upserted));
            }

            if (string.IsNullOrEmpty(task.ContentHash))
            {
                throw new ArgumentException($"The page's upserted task '{task.SenteraId}' has no content_hash.", nameof(upserted));
            }

            // The model marks these required; a null would only fail later, inside the transaction.
            if (task.Name is null || task.StatusValue is null || task.CreatedBySenteraId is null || task.RawJson is null)
            {
                throw new ArgumentException($"The page's upserted task '{task.SenteraId}' lacks a required value (name, status, created_by or raw JSON).", nameof(upserted));
            }

            if (!upsertedIds.Add(task.SenteraId))
            {
                throw new ArgumentException($"The page upserts task '{task.SenteraId}' twice.", nameof(upserted));
            }
        }

        var deleted = new HashSet<string>(deletedIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < deletedIds.Count; i++)
        {
            var id = deletedIds[i];
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException($"The page's deleted id at index {i} is null or empty.", nameof(deletedIds));
            }

            if (!deleted.Add(id))
            {
                throw new ArgumentException($"The page deletes task '{id}' twice.", nameof(deletedIds));
            }

            if (upsertedIds.Contains(id))
            {
                throw new ArgumentException($"The page both upserts and deletes task '{id}'.", nameof(deletedIds));
            }
        }
    }
}
