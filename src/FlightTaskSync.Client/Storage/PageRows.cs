using System.Buffers;
using System.Text;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// One page as the store writes it: the rows to upsert, the ids to delete, and the raw JSON of
/// every row in one pooled buffer. A page exists only checked (<see cref="PageValidator"/> runs
/// as it is built, once), so the store writes it without checking it again. Dispose it once its
/// write has ended: the buffer goes back to its pool, and the rows' raw JSON with it.
/// </summary>
internal sealed class PageRows : IDisposable
{
    private static readonly PageRows NoRows = new([], [], arena: null, pool: null);

    private IReadOnlyList<TaskRow> _upserted;
    private readonly List<string> _deletedIds;
    private readonly ArrayPool<byte>? _pool;
    private byte[]? _arena;

    private PageRows(List<TaskRow> upserted, List<string> deletedIds, byte[]? arena, ArrayPool<byte>? pool)
    {
        _upserted = upserted;
        _deletedIds = deletedIds;
        _arena = arena;
        _pool = pool;
    }

    /// <summary>Gets the rows to insert or replace; no id twice.</summary>
    public IReadOnlyList<TaskRow> Upserted => _upserted;

    /// <summary>Gets the ids to delete; no id twice, none also upserted.</summary>
    public IReadOnlyList<string> DeletedIds => _deletedIds;

    /// <summary>Gets whether the page carries no task at all.</summary>
    public bool IsEmpty => _upserted.Count == 0 && _deletedIds.Count == 0;

    /// <summary>
    /// Gets or sets how many of <see cref="Upserted"/> the scope already holds (they are updates), when
    /// the caller knows it from what it holds in memory; <see langword="null"/> lets the store count them.
    /// </summary>
    public int? HeldCount { get; set; }

    /// <summary>Gets an empty page.</summary>
    public static PageRows Empty => NoRows;

    /// <summary>A page that only deletes.</summary>
    /// <exception cref="ArgumentException">An id is null, empty or given twice.</exception>
    public static PageRows Deletions(IReadOnlyList<string> deletedIds) => FromTasks([], deletedIds);

    /// <summary>Makes a page of public model tasks (their raw JSON encoded as UTF-8 into a pooled buffer).</summary>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">The page is invalid (see <see cref="PageValidator"/>); the message names the id or position.</exception>
    public static PageRows FromTasks(IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deletedIds, ArrayPool<byte>? pool = null)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deletedIds);
        var bytes = 0;
        foreach (var task in upserted)
        {
            bytes += task?.RawJson is { } raw ? Encoding.UTF8.GetByteCount(raw) : 0;
        }

        var builder = new Builder(bytes, pool);
        foreach (var task in upserted)
        {
            builder.Add(task is null ? null : ToRow(task, builder));
        }

        foreach (var id in deletedIds)
        {
            builder.AddDeleted(id);
        }

        var rows = builder.TryBuild(out var problem);
        return rows ?? throw new ArgumentException(problem!.Message, problem.InDeletedIds ? nameof(deletedIds) : nameof(upserted));
    }

    /// <summary>
    /// Replaces the list of rows the store reads with a wrapper of it: a test seam, to act while
    /// the page is being written (the rows themselves cannot change).
    /// </summary>
    internal void WrapUpserted(Func<IReadOnlyList<TaskRow>, IReadOnlyList<TaskRow>> wrap) => _upserted = wrap(_upserted);

    /// <summary>Returns the raw JSON buffer to its pool; the rows' <see cref="TaskRow.RawJson"/> must not be read after.</summary>
    public void Dispose()
    {
        var arena = Interlocked.Exchange(ref _arena, null);
        if (arena is not null)
        {
            _pool?.Return(arena);
        }
    }

    private static TaskRow ToRow(FlightTask task, Builder builder) => new()
    {
        SenteraId = task.SenteraId,
        ContentHash = task.ContentHash,
        Name = task.Name,
        Status = task.StatusValue,
        Provider = ServerEnumValues.ToServer(task.Provider),
        Notes = task.Notes,
        OrganizationSenteraId = task.OrganizationSenteraId,
        FieldSenteraId = task.FieldSenteraId,
        PlanSenteraId = task.PlanSenteraId,
        SurveySenteraId = task.SurveySenteraId,
        AssignedToSenteraId = task.AssignedToSenteraId,
        CompletedBySenteraId = task.CompletedBySenteraId,
        CreatedBySenteraId = task.CreatedBySenteraId,
        UpdatedBySenteraId = task.UpdatedBySenteraId,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        ScheduledAt = task.ScheduledAt,
        TargetedAt = task.TargetedAt,
        DueAt = task.DueAt,
        StartedAt = task.StartedAt,
        CompletedAt = task.CompletedAt,
        CanceledAt = task.CanceledAt,
        RawJson = task.RawJson is null ? ReadOnlyMemory<byte>.Empty : builder.EncodeRawJson(task.RawJson),
    };

    /// <summary>
    /// Builds a page: rows and ids are added as they are read, each row's raw JSON copied into
    /// one buffer rented at the start (sized for the whole body, so it never grows and no slice
    /// handed out ever moves). <see cref="TryBuild"/> checks the page and hands the buffer over;
    /// a builder disposed without building returns it.
    /// </summary>
    internal sealed class Builder : IDisposable
    {
        private readonly List<TaskRow?> _upserted = [];
        private readonly List<string?> _deletedIds = [];
        private readonly ArrayPool<byte> _pool;
        private byte[]? _arena;
        private int _used;

        /// <summary>Creates a builder whose rows' raw JSON fits in <paramref name="rawJsonCapacity"/> bytes.</summary>
        /// <param name="rawJsonCapacity">The most raw JSON the page may hold (the body's length bounds it).</param>
        /// <param name="pool">Where the buffer is rented; <see cref="ArrayPool{T}.Shared"/> by default.</param>
        public Builder(int rawJsonCapacity, ArrayPool<byte>? pool = null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rawJsonCapacity);
            _pool = pool ?? ArrayPool<byte>.Shared;
            _arena = rawJsonCapacity == 0 ? null : _pool.Rent(rawJsonCapacity);
        }

        /// <summary>Gets how many rows were added.</summary>
        public int UpsertedCount => _upserted.Count;

        /// <summary>Copies a task's raw JSON into the page's buffer.</summary>
        /// <exception cref="InvalidOperationException">More raw JSON than the capacity given.</exception>
        public ReadOnlyMemory<byte> CopyRawJson(ReadOnlySpan<byte> json)
        {
            var destination = Reserve(json.Length);
            json.CopyTo(destination.Span);
            return destination;
        }

        /// <summary>Encodes a raw JSON string as UTF-8 into the page's buffer.</summary>
        public ReadOnlyMemory<byte> EncodeRawJson(string json) =>
            Reserve(Encoding.UTF8.GetByteCount(json)) is var destination && Encoding.UTF8.GetBytes(json, destination.Span) == destination.Length
                ? destination
                : throw new InvalidOperationException("The raw JSON did not encode to its own length.");

        /// <summary>Adds a row to upsert (null only from a caller's list, and refused by the check).</summary>
        public void Add(TaskRow? row) => _upserted.Add(row);

        /// <summary>Adds an id to delete.</summary>
        public void AddDeleted(string? senteraId) => _deletedIds.Add(senteraId);

        /// <summary>
        /// Checks the page (<see cref="PageValidator.FindProblem"/>) and, when it is sound, hands
        /// the rows and the buffer to the page returned. When it is not, returns
        /// <see langword="null"/> with the first problem, and the buffer goes back to its pool.
        /// </summary>
        public PageRows? TryBuild(out PageProblem? problem)
        {
            ObjectDisposedException.ThrowIf(_used < 0, this);
            problem = PageValidator.FindProblem(_upserted, _deletedIds);
            if (problem is not null)
            {
                Dispose();
                return null;
            }

            var rows = new PageRows(_upserted!, _deletedIds!, _arena, _arena is null ? null : _pool);
            _arena = null;
            _used = -1;
            return rows;
        }

        /// <summary>Returns the buffer to its pool unless a page took it.</summary>
        public void Dispose()
        {
            var arena = _arena;
            _arena = null;
            _used = -1;
            if (arena is not null)
            {
                _pool.Return(arena);
            }
        }

        private Memory<byte> Reserve(int length)
        {
            ObjectDisposedException.ThrowIf(_used < 0, this);
            if (length == 0)
            {
                return Memory<byte>.Empty;
            }

            if (_arena is null || _arena.Length - _used < length)
            {
                throw new InvalidOperationException("The page's raw JSON is larger than the capacity it was given.");
            }

            var slice = _arena.AsMemory(_used, length);
            _used += length;
            return slice;
        }
    }
}
