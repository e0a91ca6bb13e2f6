using System.Buffers;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Reads the <c>data</c> of a <c>sync_flight_tasks</c> response straight into the rows the store
/// writes, in one pass over the body: typed columns, statuses and providers as the server's text,
/// each task's raw JSON copied as UTF-8 into the page's pooled buffer. It makes every check the
/// generated parser makes for the fields it reads (required, non-null, JSON types; a
/// <see cref="ResultParseException"/> with the path), and the page's own rules are checked once,
/// as its rows are built (<see cref="PageValidator"/>). It copies what it keeps, so the connection
/// gives it the pooled body itself.
/// </summary>
internal sealed class SyncPageParser : IOperationResultParser<SyncPage>
{
    private static readonly (byte[] Utf8, string Text)[] KnownStatuses =
        [.. ServerEnumValues.KnownStatuses.Select(status => (Encoding.UTF8.GetBytes(status), status))];

    private static readonly (byte[] Utf8, string Text)[] KnownProviders =
        [.. Enum.GetValues<FlightTaskProvider>().Select(ServerEnumValues.ToServer).OfType<string>().Select(provider => (Encoding.UTF8.GetBytes(provider), provider))];

    private readonly int _pageNumber;
    private readonly ArrayPool<byte>? _pool;

    /// <summary>Creates the parser of one page.</summary>
    /// <param name="pageNumber">The page's number in the sync, for its failures and messages.</param>
    /// <param name="pool">Where the page's raw JSON buffer is rented; <see cref="ArrayPool{T}.Shared"/> by default.</param>
    public SyncPageParser(int pageNumber, ArrayPool<byte>? pool = null)
    {
        _pageNumber = pageNumber;
        _pool = pool;
    }

    /// <inheritdoc/>
    public bool KeepsSlicesOfBody => false;

    /// <inheritdoc/>
    public SyncPage Parse(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        JsonResultReader.ExpectStartObject(ref reader);
        SyncPage? page = null;
        try
        {
            while (JsonResultReader.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("sync_flight_tasks"u8))
                {
                    JsonResultReader.ReadValue(ref reader);
                    try
                    {
                        NotNull(ref reader);
                        page?.Dispose();
                        page = null;
                        page = ReadResult(ref reader, json);
                    }
                    catch (ResultParseException exception)
                    {
                        exception.AtProperty("sync_flight_tasks");
                        throw;
                    }
                }
                else
                {
                    JsonResultReader.ReadValue(ref reader);
                    JsonResultReader.SkipValue(ref reader);
                }
            }

            return page ?? throw ResultParseException.MissingField("sync_flight_tasks");
        }
        catch
        {
            page?.Dispose();
            throw;
        }
    }

    private SyncPage ReadResult(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        JsonResultReader.ExpectStartObject(ref reader);
        int? remainingCount = null;
        List<SyncFailure>? failures = null;
        var sawDeleted = false;
        var sawUpserted = false;
        string? typeProblem = null;
        string? deletedProblem = null;

        // Every task's raw JSON is a part of the body: its length bounds them all.
        using var builder = new PageRows.Builder(json.Length, _pool);
        string? property = null;
        try
        {
            while (JsonResultReader.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("__typename"u8))
                {
                    property = "__typename";
                    ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("remaining_count"u8))
                {
                    property = "remaining_count";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    remainingCount = JsonResultReader.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("failed"u8))
                {
                    property = "failed";
                    JsonResultReader.ReadValue(ref reader);
                    failures = JsonResultReader.IsNull(ref reader) ? null : ReadFailures(ref reader);
                }
                else if (reader.ValueTextEquals("deleted"u8))
                {
                    property = "deleted";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    sawDeleted = true;
                    JsonResultReader.ExpectStartArray(ref reader);
                    for (var index = 0; JsonResultReader.NextElement(ref reader); index++)
                    {
                        try
                        {
                            NotNull(ref reader);
                            var (_, id, hash) = ReadSyncItem(ref reader);
                            if (id.Length > 0 && hash.Length == 0)
                            {
                                deletedProblem ??= $"deleted[{index}] ({id}) has an empty content_hash";
                            }

                            builder.AddDeleted(id);
                        }
                        catch (ResultParseException exception)
                        {
                            exception.AtIndex(index);
                            throw;
                        }
                    }
                }
                else if (reader.ValueTextEquals("upserted"u8))
                {
                    property = "upserted";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    sawUpserted = true;
                    JsonResultReader.ExpectStartArray(ref reader);
                    for (var index = 0; JsonResultReader.NextElement(ref reader); index++)
                    {
                        try
                        {
                            NotNull(ref reader);
                            var typename = JsonResultReader.PeekTypename(ref reader) ?? throw ResultParseException.MissingField("__typename");
                            if (typename == "FlightTask")
                            {
                                builder.Add(ReadTask(ref reader, json, builder));
                            }
                            else
                            {
                                var (_, id, _) = ReadSyncItem(ref reader);
                                typeProblem ??=
                                    $"upserted[{index}] ({id}) is a '{typename}', not a FlightTask; this version of " +
                                    "FlightTaskSync does not know that type. Update the FlightTaskSync package";
                            }
                        }
                        catch (ResultParseException exception)
                        {
                            exception.AtIndex(index);
                            throw;
                        }
                    }
                }
                else
                {
                    property = null;
                    JsonResultReader.ReadValue(ref reader);
                    JsonResultReader.SkipValue(ref reader);
                }

                property = null;
            }
        }
        catch (ResultParseException exception) when (property is not null)
        {
            exception.AtProperty(property);
            throw;
        }

        if (remainingCount is not { } remaining)
        {
            throw ResultParseException.MissingField("remaining_count");
        }

        if (!sawDeleted)
        {
            throw ResultParseException.MissingField("deleted");
        }

        if (!sawUpserted)
        {
            throw ResultParseException.MissingField("upserted");
        }

        // The page's rules, in the order the sync has always reported them.
        if (remaining < 0)
        {
            return SyncPage.Refused($"the server reported a negative remaining count ({remaining})", remaining);
        }

        if (typeProblem is not null)
        {
            return SyncPage.Refused(typeProblem, remaining);
        }

        var rows = builder.TryBuild(out var problem);
        if (problem is not null && (!problem.InDeletedIds || deletedProblem is null))
        {
            return SyncPage.Refused(Describe(problem), remaining);
        }

        if (deletedProblem is not null)
        {
            rows?.Dispose();
            return SyncPage.Refused(deletedProblem, remaining);
        }

        return new SyncPage(rows!, failures ?? [], remaining);
    }

    private static TaskRow ReadTask(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, PageRows.Builder builder)
    {
        JsonResultReader.ExpectStartObject(ref reader);
        var start = reader.TokenStartIndex;
        string? senteraId = null, contentHash = null, name = null, status = null, provider = null, notes = null;
        string? organizationSenteraId = null, organization = null, field = null, plan = null, survey = null;
        string? assignedTo = null, completedBy = null, createdBy = null, updatedBy = null;
        DateTimeOffset? createdAt = null, updatedAt = null, scheduledAt = null, targetedAt = null, dueAt = null;
        DateTimeOffset? startedAt = null, completedAt = null, canceledAt = null;
        var sawTaskType = false;
        string? property = null;
        try
        {
            while (JsonResultReader.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("__typename"u8))
                {
                    property = "__typename";
                    ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("sentera_id"u8))
                {
                    property = "sentera_id";
                    senteraId = ReadRequiredId(ref reader);
                }
                else if (reader.ValueTextEquals("content_hash"u8))
                {
                    property = "content_hash";
                    contentHash = ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("name"u8))
                {
                    property = "name";
                    name = ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("status"u8))
                {
                    property = "status";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    status = ReadEnumText(ref reader, KnownStatuses, "a TaskStatus value (a string)");
                }
                else if (reader.ValueTextEquals("provider"u8))
                {
                    property = "provider";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    provider = ReadEnumText(ref reader, KnownProviders, "a TaskProvider value (a string)");
                }
                else if (reader.ValueTextEquals("task_type"u8))
                {
                    property = "task_type";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    JsonResultReader.ExpectString(ref reader, "a TaskType value (a string)");
                    sawTaskType = true;
                }
                else if (reader.ValueTextEquals("notes"u8))
                {
                    property = "notes";
                    notes = ReadOptionalString(ref reader);
                }
                else if (reader.ValueTextEquals("organization_sentera_id"u8))
                {
                    property = "organization_sentera_id";
                    JsonResultReader.ReadValue(ref reader);
                    organizationSenteraId = JsonResultReader.IsNull(ref reader) ? null : JsonResultReader.ReadId(ref reader);
                }
                else if (reader.ValueTextEquals("organization"u8))
                {
                    property = "organization";
                    organization = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("field"u8))
                {
                    property = "field";
                    field = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("plan"u8))
                {
                    property = "plan";
                    plan = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("survey"u8))
                {
                    property = "survey";
                    survey = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("assigned_to"u8))
                {
                    property = "assigned_to";
                    assignedTo = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("completed_by"u8))
                {
                    property = "completed_by";
                    completedBy = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("created_by"u8))
                {
                    property = "created_by";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    createdBy = ReadReference(ref reader);
                }
                else if (reader.ValueTextEquals("updated_by"u8))
                {
                    property = "updated_by";
                    updatedBy = ReadOptionalReference(ref reader);
                }
                else if (reader.ValueTextEquals("created_at"u8))
                {
                    property = "created_at";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    createdAt = JsonResultReader.ReadDateTimeOffset(ref reader);
                }
                else if (reader.ValueTextEquals("updated_at"u8))
                {
                    property = "updated_at";
                    JsonResultReader.ReadValue(ref reader);
                    NotNull(ref reader);
                    updatedAt = JsonResultReader.ReadDateTimeOffset(ref reader);
                }
                else if (reader.ValueTextEquals("scheduled_at"u8))
                {
                    property = "scheduled_at";
                    scheduledAt = ReadOptionalTime(ref reader);
                }
                else if (reader.ValueTextEquals("targeted_at"u8))
                {
                    property = "targeted_at";
                    targetedAt = ReadOptionalTime(ref reader);
                }
                else if (reader.ValueTextEquals("due_at"u8))
                {
                    property = "due_at";
                    dueAt = ReadOptionalTime(ref reader);
                }
                else if (reader.ValueTextEquals("started_at"u8))
                {
                    property = "started_at";
                    startedAt = ReadOptionalTime(ref reader);
                }
                else if (reader.ValueTextEquals("completed_at"u8))
                {
                    property = "completed_at";
                    completedAt = ReadOptionalTime(ref reader);
                }
                else if (reader.ValueTextEquals("canceled_at"u8))
                {
                    property = "canceled_at";
                    canceledAt = ReadOptionalTime(ref reader);
                }
                else
                {
                    property = null;
                    JsonResultReader.ReadValue(ref reader);
                    JsonResultReader.SkipValue(ref reader);
                }

                property = null;
            }
        }
        catch (ResultParseException exception) when (property is not null)
        {
            exception.AtProperty(property);
            throw;
        }

        // Required fields, in the order the generated parser checks them.
        return new TaskRow
        {
            SenteraId = senteraId ?? throw ResultParseException.MissingField("sentera_id"),
            ContentHash = contentHash ?? throw ResultParseException.MissingField("content_hash"),
            Name = name ?? throw ResultParseException.MissingField("name"),
            Status = status ?? throw ResultParseException.MissingField("status"),
            Provider = provider ?? throw ResultParseException.MissingField("provider"),
            Notes = sawTaskType ? notes : throw ResultParseException.MissingField("task_type"),
            OrganizationSenteraId = organizationSenteraId ?? organization,
            FieldSenteraId = field,
            PlanSenteraId = plan,
            SurveySenteraId = survey,
            AssignedToSenteraId = assignedTo,
            CompletedBySenteraId = completedBy,
            CreatedBySenteraId = createdBy ?? throw ResultParseException.MissingField("created_by"),
            UpdatedBySenteraId = updatedBy,
            CreatedAt = createdAt ?? throw ResultParseException.MissingField("created_at"),
            UpdatedAt = updatedAt ?? throw ResultParseException.MissingField("updated_at"),
            ScheduledAt = scheduledAt,
            TargetedAt = targetedAt,
            DueAt = dueAt,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            CanceledAt = canceledAt,
            RawJson = builder.CopyRawJson(JsonResultReader.Slice(json, start, ref reader).Span),
        };
    }

    /// <summary>Reads an item of a type other than FlightTask: its type name, id and hash.</summary>
    private static (string? Typename, string Id, string Hash) ReadSyncItem(ref Utf8JsonReader reader)
    {
        JsonResultReader.ExpectStartObject(ref reader);
        string? typename = null, id = null, hash = null;
        string? property = null;
        try
        {
            while (JsonResultReader.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("__typename"u8))
                {
                    property = "__typename";
                    typename = ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("sentera_id"u8))
                {
                    property = "sentera_id";
                    id = ReadRequiredId(ref reader);
                }
                else if (reader.ValueTextEquals("content_hash"u8))
                {
                    property = "content_hash";
                    hash = ReadRequiredString(ref reader);
                }
                else
                {
                    property = null;
                    JsonResultReader.ReadValue(ref reader);
                    JsonResultReader.SkipValue(ref reader);
                }

                property = null;
            }
        }
        catch (ResultParseException exception) when (property is not null)
        {
            exception.AtProperty(property);
            throw;
        }

        return (typename,
            id ?? throw ResultParseException.MissingField("sentera_id"),
            hash ?? throw ResultParseException.MissingField("content_hash"));
    }

    private List<SyncFailure> ReadFailures(ref Utf8JsonReader reader)
    {
        JsonResultReader.ExpectStartArray(ref reader);
        var failures = new List<SyncFailure>();
        for (var index = 0; JsonResultReader.NextElement(ref reader); index++)
        {
            try
            {
                NotNull(ref reader);
                failures.Add(ReadFailure(ref reader));
            }
            catch (ResultParseException exception)
            {
                exception.AtIndex(index);
                throw;
            }
        }

        return failures;
    }

    private SyncFailure ReadFailure(ref Utf8JsonReader reader)
    {
        JsonResultReader.ExpectStartObject(ref reader);
        string? key = null, message = null, code = null, reason = null, details = null;
        string? property = null;
        try
        {
            while (JsonResultReader.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("__typename"u8))
                {
                    property = "__typename";
                    ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("key"u8))
                {
                    property = "key";
                    key = ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    property = "message";
                    message = ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("code"u8))
                {
                    property = "code";
                    code = ReadOptionalString(ref reader);
                }
                else if (reader.ValueTextEquals("reason"u8))
                {
                    property = "reason";
                    reason = ReadOptionalString(ref reader);
                }
                else if (reader.ValueTextEquals("details"u8))
                {
                    property = "details";
                    JsonResultReader.ReadValue(ref reader);
                    details = JsonResultReader.IsNull(ref reader) ? null : JsonResultReader.ReadJsonElement(ref reader).GetRawText();
                }
                else
                {
                    property = null;
                    JsonResultReader.ReadValue(ref reader);
                    JsonResultReader.SkipValue(ref reader);
                }

                property = null;
            }
        }
        catch (ResultParseException exception) when (property is not null)
        {
            exception.AtProperty(property);
            throw;
        }

        return new SyncFailure(key ?? throw ResultParseException.MissingField("key"), message ?? throw ResultParseException.MissingField("message"))
        {
            Code = code,
            Reason = reason,
            DetailsJson = details,
            PageNumber = _pageNumber,
        };
    }

    /// <summary>Reads a related object (<c>{ sentera_id }</c>), or null.</summary>
    private static string? ReadOptionalReference(ref Utf8JsonReader reader)
    {
        JsonResultReader.ReadValue(ref reader);
        return JsonResultReader.IsNull(ref reader) ? null : ReadReference(ref reader);
    }

    private static string ReadReference(ref Utf8JsonReader reader)
    {
        JsonResultReader.ExpectStartObject(ref reader);
        string? id = null;
        string? property = null;
        try
        {
            while (JsonResultReader.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("__typename"u8))
                {
                    property = "__typename";
                    ReadRequiredString(ref reader);
                }
                else if (reader.ValueTextEquals("sentera_id"u8))
                {
                    property = "sentera_id";
                    id = ReadRequiredId(ref reader);
                }
                else
                {
                    property = null;
                    JsonResultReader.ReadValue(ref reader);
                    JsonResultReader.SkipValue(ref reader);
                }

                property = null;
            }
        }
        catch (ResultParseException exception) when (property is not null)
        {
            exception.AtProperty(property);
            throw;
        }

        return id ?? throw ResultParseException.MissingField("sentera_id");
    }

    private static string ReadRequiredString(ref Utf8JsonReader reader)
    {
        JsonResultReader.ReadValue(ref reader);
        NotNull(ref reader);
        return JsonResultReader.ReadString(ref reader);
    }

    private static string ReadRequiredId(ref Utf8JsonReader reader)
    {
        JsonResultReader.ReadValue(ref reader);
        NotNull(ref reader);
        return JsonResultReader.ReadId(ref reader);
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader)
    {
        JsonResultReader.ReadValue(ref reader);
        return JsonResultReader.IsNull(ref reader) ? null : JsonResultReader.ReadString(ref reader);
    }

    private static DateTimeOffset? ReadOptionalTime(ref Utf8JsonReader reader)
    {
        JsonResultReader.ReadValue(ref reader);
        return JsonResultReader.IsNull(ref reader) ? null : JsonResultReader.ReadDateTimeOffset(ref reader);
    }

    /// <summary>Reads an enum value as the server's text: a known one without allocating, any other as it is.</summary>
    private static string ReadEnumText(ref Utf8JsonReader reader, (byte[] Utf8, string Text)[] known, string expected)
    {
        JsonResultReader.ExpectString(ref reader, expected);
        foreach (var (utf8, text) in known)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return text;
            }
        }

        // A value this version does not know: kept, so it is stored and can be shown. The reader
        // throws InvalidOperationException for bytes that are not UTF-8 (a response that cannot be decoded).
        return reader.GetString()!;
    }

    private static void NotNull(ref Utf8JsonReader reader)
    {
        if (JsonResultReader.IsNull(ref reader))
        {
            throw JsonResultReader.NullForNonNull();
        }
    }

    /// <summary>Says a problem of the page's rows in the sync's words (the position and the id).</summary>
    private static string Describe(PageProblem problem) => problem.Kind switch
    {
        PageProblemKind.NoSenteraId => $"upserted[{problem.Index}] has an empty sentera_id",
        PageProblemKind.NoContentHash => $"upserted[{problem.Index}] ({problem.SenteraId}) has an empty content_hash",
        PageProblemKind.UpsertedTwice => $"task {problem.SenteraId} is upserted twice in one page",
        PageProblemKind.EmptyDeletedId => $"deleted[{problem.Index}] has an empty sentera_id",
        PageProblemKind.DeletedTwice => $"task {problem.SenteraId} is deleted twice in one page",
        PageProblemKind.UpsertedAndDeleted => $"task {problem.SenteraId} is both upserted and deleted in one page",
        _ => problem.Message.TrimEnd('.'),
    };
}
