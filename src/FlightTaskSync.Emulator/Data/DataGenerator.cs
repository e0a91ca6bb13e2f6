namespace FlightTaskSync.Emulator.Data;

/// <summary>
/// Makes realistic organizations, users, fields, plans, surveys and tasks from one seeded
/// <see cref="Random"/>: the same seed and the same calls give the same data. Generated dates
/// lie before a fixed instant (<see cref="Anchor"/>), not "now", so that data does not depend
/// on the day it is made. Not thread-safe: <see cref="EmulatorData"/> calls it under its lock.
/// </summary>
internal sealed class DataGenerator
{
    /// <summary>Generated creation dates lie in the two years before this instant.</summary>
    public static readonly DateTimeOffset Anchor = new(2025, 6, 30, 18, 0, 0, TimeSpan.Zero);

    private const int UserCount = 12;

    private readonly Random _random;
    private readonly SenteraIdFactory _ids;
    private readonly List<EmulatorUser> _users = [];
    private readonly Dictionary<string, OrganizationPool> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _childCounts = new(StringComparer.Ordinal);
    private int _companyIndex;

    public DataGenerator(int seed)
    {
        _random = new Random(seed);
        _ids = new SenteraIdFactory(_random);
        for (var i = 0; i < UserCount; i++)
        {
            var first = Pick(Vocabulary.FirstNames);
            var last = Pick(Vocabulary.LastNames);
            var id = _ids.Next("US", "Sentera", RandomDate());
            _users.Add(new EmulatorUser(id, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i + 1}@example.com", first, last));
        }
    }

    public IReadOnlyList<EmulatorUser> Users => _users;

    public Random Random => _random;

    public void ReserveId(string id) => _ids.Reserve(id);

    /// <summary>A new organization and the fields, plans and surveys its tasks will reference.</summary>
    public (EmulatorOrganization Organization, IReadOnlyList<RelatedItem> Related) NewOrganization(string? name, EmulatorOrganization? parent)
    {
        name ??= parent is null ? NextCompanyName() : NextChildName(parent);
        var company = SenteraIdFactory.CompanyTag(name);
        var organization = new EmulatorOrganization(_ids.Next("OR", company, RandomDate()), name, parent?.SenteraId);

        var pool = new OrganizationPool(company);
        foreach (var fieldName in Sample(Vocabulary.FieldNames, 6 + _random.Next(5)))
        {
            pool.Fields.Add(NewRelated(RelatedItemKind.Field, "AS", company, fieldName));
        }

        foreach (var planName in Sample(Vocabulary.PlanNames, 2 + _random.Next(3)))
        {
            pool.Plans.Add(NewRelated(RelatedItemKind.Plan, "FS", company, $"{2023 + _random.Next(3)} {planName}"));
        }

        foreach (var surveyName in Sample(Vocabulary.SurveyNames, 2 + _random.Next(3)))
        {
            pool.Surveys.Add(NewRelated(RelatedItemKind.Survey, "CO", company, surveyName));
        }

        _pools[organization.SenteraId] = pool;
        return (organization, [.. pool.Fields, .. pool.Plans, .. pool.Surveys]);
    }

    /// <summary>The ids of the fields, plans or surveys made for an organization by <see cref="NewOrganization"/>.</summary>
    public IReadOnlyList<string> RelatedIdsOf(string organizationSenteraId, RelatedItemKind kind)
    {
        var pool = _pools[organizationSenteraId];
        var items = kind switch
        {
            RelatedItemKind.Field => pool.Fields,
            RelatedItemKind.Plan => pool.Plans,
            _ => pool.Surveys,
        };
        return [.. items.Select(i => i.SenteraId)];
    }

    /// <summary>A fresh task id for an organization made by <see cref="NewOrganization"/>, stamped with its creation time.</summary>
    public string NewTaskId(string organizationSenteraId, DateTimeOffset createdAt) => _ids.Next("TA", _pools[organizationSenteraId].Company, createdAt);

    /// <summary>A new, realistic task of an organization made by <see cref="NewOrganization"/>.</summary>
    public EmulatorTask NewTask(string organizationSenteraId)
    {
        var pool = _pools[organizationSenteraId];
        var createdAt = RandomDate();
        var status = PickStatus();
        var field = Chance(0.9) ? Pick(pool.Fields) : null;
        var fieldName = field?.Name ?? Pick(Vocabulary.FieldNames);

        DateTimeOffset? scheduledAt = Chance(0.5) ? createdAt.AddDays(1 + _random.Next(30)) : null;
        DateTimeOffset? targetedAt = Chance(0.7) ? createdAt.AddDays(3 + _random.Next(45)) : null;
        DateTimeOffset? startedAt = status is EmulatorTaskStatus.Open or EmulatorTaskStatus.Canceled
            ? null
            : createdAt.AddDays(1 + _random.Next(20)).AddMinutes(_random.Next(600));
        DateTimeOffset? completedAt = status == EmulatorTaskStatus.Completed
            ? startedAt!.Value.AddHours(1 + _random.Next(72))
            : null;
        DateTimeOffset? canceledAt = status == EmulatorTaskStatus.Canceled
            ? createdAt.AddDays(_random.Next(30)).AddMinutes(_random.Next(600))
            : null;
        var lastEvent = Max(createdAt, startedAt, completedAt, canceledAt);

        return new EmulatorTask
        {
            SenteraId = _ids.Next("TA", pool.Company, createdAt),
            OrganizationSenteraId = organizationSenteraId,
            Name = $"{fieldName} — {Pick(Vocabulary.Activities)}",
            Status = status,
            Provider = PickProvider(),
            TaskType = Chance(0.85) ? EmulatorTaskType.Flight : EmulatorTaskType.Scout,
            Notes = Chance(0.6) ? Pick(Vocabulary.Notes) : null,
            FieldSenteraId = field?.SenteraId,
            PlanSenteraId = Chance(0.6) ? Pick(pool.Plans).SenteraId : null,
            SurveySenteraId = Chance(0.5) ? Pick(pool.Surveys).SenteraId : null,
            AssignedToSenteraId = Chance(0.7) ? Pick(_users).SenteraId : null,
            CompletedBySenteraId = completedAt is null ? null : Pick(_users).SenteraId,
            CreatedBySenteraId = Pick(_users).SenteraId,
            UpdatedBySenteraId = Chance(0.8) ? Pick(_users).SenteraId : null,
            CreatedAt = createdAt,
            UpdatedAt = lastEvent.AddMinutes(_random.Next(2 * 24 * 60)),
            ScheduledAt = scheduledAt,
            TargetedAt = targetedAt,
            DueAt = targetedAt,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            CanceledAt = canceledAt,
        };
    }

    /// <summary>A plausible edit of a task: its status moves on, or its notes or assignee change.</summary>
    public EmulatorTask Edit(EmulatorTask task, DateTimeOffset now)
    {
        now = TruncateToSeconds(now);
        var editor = Pick(_users).SenteraId;
        return _random.Next(3) switch
        {
            0 => task with { Notes = Pick(Vocabulary.Notes) + $" (edited {now:yyyy-MM-dd HH:mm:ss})", UpdatedBySenteraId = editor, UpdatedAt = now },
            1 => task with { AssignedToSenteraId = Pick(_users).SenteraId, UpdatedBySenteraId = editor, UpdatedAt = now },
            _ => Advance(task, now) with { UpdatedBySenteraId = editor, UpdatedAt = now },
        };
    }

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private EmulatorTask Advance(EmulatorTask task, DateTimeOffset now) => task.Status switch
    {
        EmulatorTaskStatus.Open => task with { Status = EmulatorTaskStatus.InProgress, StartedAt = now },
        EmulatorTaskStatus.InProgress => task with { Status = EmulatorTaskStatus.FlightCompleted },
        EmulatorTaskStatus.FlightCompleted => task with { Status = EmulatorTaskStatus.WaitingForUpload },
        EmulatorTaskStatus.WaitingForUpload => task with
        {
            Status = EmulatorTaskStatus.Completed,
            CompletedAt = now,
            CompletedBySenteraId = Pick(_users).SenteraId,
        },
        _ => task with { Notes = $"Reviewed {now:yyyy-MM-dd HH:mm:ss}." },
    };

    private RelatedItem NewRelated(RelatedItemKind kind, string idKind, string company, string name)
    {
        var createdAt = RandomDate();
        return new RelatedItem(kind, _ids.Next(idKind, company, createdAt), name, createdAt, Pick(_users).SenteraId, createdAt.AddDays(_random.Next(90)));
    }

    private string NextCompanyName()
    {
        var index = _companyIndex++;
        var name = Vocabulary.Companies[index % Vocabulary.Companies.Length];
        var round = index / Vocabulary.Companies.Length;
        return round == 0 ? name : $"{name} {round + 1}";
    }

    /// <summary>Children of one parent get distinct regions (numbered once the regions run out).</summary>
    private string NextChildName(EmulatorOrganization parent)
    {
        var index = _childCounts.GetValueOrDefault(parent.SenteraId);
        _childCounts[parent.SenteraId] = index + 1;
        var region = Vocabulary.Regions[index % Vocabulary.Regions.Length];
        var round = index / Vocabulary.Regions.Length;
        return round == 0 ? $"{parent.Name} — {region}" : $"{parent.Name} — {region} {round + 1}";
    }

    private EmulatorTaskStatus PickStatus() => _random.Next(100) switch
    {
        < 30 => EmulatorTaskStatus.Open,
        < 40 => EmulatorTaskStatus.InProgress,
        < 48 => EmulatorTaskStatus.FlightCompleted,
        < 56 => EmulatorTaskStatus.WaitingForUpload,
        < 84 => EmulatorTaskStatus.Completed,
        < 90 => EmulatorTaskStatus.Failed,
        _ => EmulatorTaskStatus.Canceled,
    };

    private EmulatorTaskProvider PickProvider() => _random.Next(100) switch
    {
        < 60 => EmulatorTaskProvider.Self,
        < 85 => EmulatorTaskProvider.Sentera,
        _ => EmulatorTaskProvider.FlyGuys,
    };

    /// <summary>A whole-second UTC instant in the two years before <see cref="Anchor"/>.</summary>
    private DateTimeOffset RandomDate() => Anchor.AddSeconds(-_random.Next(2 * 365 * 24 * 60 * 60));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private IEnumerable<string> Sample(string[] items, int count)
    {
        var indexes = Enumerable.Range(0, items.Length).ToArray();
        _random.Shuffle(indexes);
        return indexes.Take(Math.Min(count, items.Length)).Select(i => items[i]);
    }

    private static DateTimeOffset Max(DateTimeOffset first, params DateTimeOffset?[] others)
    {
        var max = first;
        foreach (var other in others)
        {
            if (other > max)
            {
                max = other.Value;
            }
        }

        return max;
    }

    private sealed class OrganizationPool(string company)
    {
        public string Company { get; } = company;

        public List<RelatedItem> Fields { get; } = [];

        public List<RelatedItem> Plans { get; } = [];

        public List<RelatedItem> Surveys { get; } = [];
    }
}
