using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Tests.Fixtures;

/// <summary>
/// Makes flight tasks that look like FieldAgent's: ids of the real shape, hashes like the
/// server's, and a raw JSON body (with a field the model lacks) that matches the typed values.
/// Task <c>n</c> always gets the same id; every date is whole milliseconds in UTC.
/// </summary>
internal sealed class FlightTaskBuilder
{
    /// <summary>The instant <see cref="StoreFixture"/>'s clock starts at, and the default SyncedAt.</summary>
    public static readonly DateTimeOffset SyncTime = new(2025, 5, 3, 8, 53, 36, 250, TimeSpan.Zero);

    public const string OrganizationId = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";
    public const string ChildOrganizationId = "k3v8d0q_OR_2jdf8Acme_CV_deve_877281e47_210503_085334";

    private readonly int _number;
    private int _version = 1;
    private string _name;
    private string _status = "OPEN";
    private string? _provider = "SELF";
    private string? _notes;
    private string? _organizationId = OrganizationId;
    private string? _fieldId;
    private string? _assignedToId;
    private DateTimeOffset _createdAt;
    private DateTimeOffset _updatedAt;
    private DateTimeOffset? _scheduledAt;
    private DateTimeOffset? _targetedAt;
    private DateTimeOffset? _completedAt;
    private string? _hash;
    private string? _senteraId;
    private string? _rawJson;
    private bool _everyOptionalField;

    private FlightTaskBuilder(int number)
    {
        _number = number;
        _name = $"Flight {number:D4}";
        _createdAt = new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero).AddMinutes(number);
        _updatedAt = _createdAt.AddHours(1).AddMilliseconds(number);
    }

    public static FlightTaskBuilder Task(int number) => new(number);

    /// <summary>The id of task <paramref name="number"/>, e.g. <c>w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336</c>.</summary>
    public static string TaskId(int number) => $"{Base36((uint)number * 2654435761u % 78364164096u)}_TA_8t8cAcme_CV_stag_877281e47_210503_{085336 + number:D6}";

    public static string UserId(int number) => $"{Base36((uint)number * 40503u + 7u)}_US_9pq2Acme_CV_stag_877281e47_210503_085336";

    public static string FieldId(int number) => $"{Base36((uint)number * 69069u + 3u)}_AS_4ff1Acme_CV_stag_877281e47_210503_085336";

    /// <summary>Makes the next version of the task: a new content hash (and body).</summary>
    public FlightTaskBuilder Version(int version)
    {
        _version = version;
        return this;
    }

    public FlightTaskBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public FlightTaskBuilder WithStatus(string serverValue)
    {
        _status = serverValue;
        return this;
    }

    public FlightTaskBuilder WithProvider(string? serverValue)
    {
        _provider = serverValue;
        return this;
    }

    public FlightTaskBuilder WithNotes(string? notes)
    {
        _notes = notes;
        return this;
    }

    public FlightTaskBuilder InOrganization(string? organizationId)
    {
        _organizationId = organizationId;
        return this;
    }

    public FlightTaskBuilder OnField(string? fieldId)
    {
        _fieldId = fieldId;
        return this;
    }

    public FlightTaskBuilder AssignedTo(string? userId)
    {
        _assignedToId = userId;
        return this;
    }

    public FlightTaskBuilder CreatedAt(DateTimeOffset value)
    {
        _createdAt = value;
        return this;
    }

    public FlightTaskBuilder UpdatedAt(DateTimeOffset value)
    {
        _updatedAt = value;
        return this;
    }

    public FlightTaskBuilder ScheduledAt(DateTimeOffset? value)
    {
        _scheduledAt = value;
        return this;
    }

    public FlightTaskBuilder TargetedAt(DateTimeOffset? value)
    {
        _targetedAt = value;
        return this;
    }

    public FlightTaskBuilder CompletedAt(DateTimeOffset? value)
    {
        _completedAt = value;
        return this;
    }

    public FlightTaskBuilder WithHash(string hash)
    {
        _hash = hash;
        return this;
    }

    /// <summary>Replaces the id of the real shape, e.g. with an empty one.</summary>
    public FlightTaskBuilder WithSenteraId(string senteraId)
    {
        _senteraId = senteraId;
        return this;
    }

    /// <summary>Replaces the generated body with this exact text.</summary>
    public FlightTaskBuilder WithRawJson(string rawJson)
    {
        _rawJson = rawJson;
        return this;
    }

    /// <summary>Also sets the optional fields no other method sets: plan, survey, completed/updated by, due, started, canceled.</summary>
    public FlightTaskBuilder WithEveryOptionalField()
    {
        _everyOptionalField = true;
        return this;
    }

    public FlightTask Build()
    {
        var id = _senteraId ?? TaskId(_number);
        var createdBy = UserId(1);
        var hash = _hash ?? Hash($"{id}/{_version}");
        var all = _everyOptionalField;
        return new FlightTask
        {
            SenteraId = id,
            ContentHash = hash,
            Name = _name,
            Status = ServerEnumValues.ParseStatus(_status),
            StatusValue = _status,
            Provider = ServerEnumValues.ParseProvider(_provider),
            Notes = _notes,
            OrganizationSenteraId = _organizationId,
            FieldSenteraId = _fieldId,
            PlanSenteraId = all ? "p8k2m1x_FS_7hh3Acme_CV_stag_877281e47_210503_085336" : null,
            SurveySenteraId = all ? "s1c9v0z_CO_5tt7Acme_CV_stag_877281e47_210503_085336" : null,
            AssignedToSenteraId = _assignedToId,
            CompletedBySenteraId = all ? UserId(3) : null,
            CreatedBySenteraId = createdBy,
            UpdatedBySenteraId = all ? UserId(4) : null,
            CreatedAt = _createdAt,
            UpdatedAt = _updatedAt,
            ScheduledAt = _scheduledAt,
            TargetedAt = _targetedAt,
            DueAt = all ? _createdAt.AddDays(30) : null,
            StartedAt = all ? _createdAt.AddDays(2).AddMilliseconds(1) : null,
            CompletedAt = _completedAt,
            CanceledAt = all ? _createdAt.AddDays(3).AddMilliseconds(500) : null,
            RawJson = _rawJson ?? RawJson(id, hash, createdBy),
            SyncedAt = SyncTime,
        };
    }

    private string RawJson(string id, string hash, string createdBy) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["__typename"] = "FlightTask",
        ["sentera_id"] = id,
        ["content_hash"] = hash,
        ["name"] = _name,
        ["status"] = _status,
        ["provider"] = _provider,
        ["task_type"] = "FLIGHT",
        ["notes"] = _notes,
        ["organization_sentera_id"] = _organizationId,
        ["field"] = _fieldId is null ? null : new Dictionary<string, string> { ["sentera_id"] = _fieldId },
        ["created_by"] = new Dictionary<string, string> { ["sentera_id"] = createdBy },
        ["created_at"] = _createdAt.ToString("O"),
        ["updated_at"] = _updatedAt.ToString("O"),
        ["version"] = _version,
    });

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Base36(ulong value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new char[7];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = Digits[(int)(value % 36)];
            value /= 36;
        }

        return new string(chars);
    }
}
