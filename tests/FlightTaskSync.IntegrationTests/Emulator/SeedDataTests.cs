using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class SeedDataTests
{
    private const string TaskIdPattern = @"^[a-z0-9]{7}_TA_[a-z0-9]{4,6}[A-Za-z0-9]+_CV_(deve|stag|prod)_[0-9a-f]{9}_\d{6}_\d{6}$";
    private const string OrganizationIdPattern = @"^[a-z0-9]{7}_OR_[a-z0-9]{4,6}[A-Za-z0-9]+_CV_(deve|stag|prod)_[0-9a-f]{9}_\d{6}_\d{6}$";

    [Test]
    public async Task Seed_SameSeed_GivesTheSameOrganizationsTasksAndHashes()
    {
        await using var first = await FieldAgentEmulator.StartAsync(new EmulatorOptions { Seed = 11, TaskCount = 400, OrganizationCount = 2 });
        await using var second = await FieldAgentEmulator.StartAsync(new EmulatorOptions { Seed = 11, TaskCount = 400, OrganizationCount = 2 });

        Assert.That(second.OrganizationIds, Is.EqualTo(first.OrganizationIds));
        Assert.That(second.Data.Organizations, Is.EqualTo(first.Data.Organizations));
        foreach (var organization in first.OrganizationIds)
        {
            Assert.That(second.Data.TasksOf(organization), Is.EquivalentTo(first.Data.TasksOf(organization)));
        }
    }

    [Test]
    public async Task Seed_DifferentSeeds_GiveDifferentData()
    {
        await using var first = await FieldAgentEmulator.StartAsync(new EmulatorOptions { Seed = 1, TaskCount = 50 });
        await using var second = await FieldAgentEmulator.StartAsync(new EmulatorOptions { Seed = 2, TaskCount = 50 });

        Assert.That(second.OrganizationIds, Is.Not.EqualTo(first.OrganizationIds));
    }

    [Test]
    public async Task Seed_OrganizationsAndChildren_HaveTheRealIdShapeAndParents()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { OrganizationCount = 3, ChildrenPerOrganization = 2 });

        var organizations = emulator.Data.Organizations;
        Assert.Multiple(() =>
        {
            Assert.That(organizations, Has.Count.EqualTo(9));
            Assert.That(emulator.OrganizationIds, Is.EqualTo(organizations.Select(o => o.SenteraId)));
            Assert.That(organizations.Select(o => o.SenteraId), Is.All.Match(OrganizationIdPattern));
            Assert.That(organizations.Count(o => o.ParentSenteraId is null), Is.EqualTo(3));
            Assert.That(organizations[1].ParentSenteraId, Is.EqualTo(organizations[0].SenteraId));
            Assert.That(organizations.Select(o => o.Name), Is.Unique);
        });
    }

    [Test]
    public async Task Seed_Tasks_LookRealistic()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 2000 });
        var tasks = emulator.OrganizationIds
            .SelectMany(o => emulator.Data.TasksOf(o).Keys)
            .Select(id => emulator.Data.Get(id)!)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tasks, Has.Count.EqualTo(2000));
            Assert.That(tasks.Select(t => t.SenteraId), Is.All.Match(TaskIdPattern));
            Assert.That(tasks.Select(t => t.Status).Distinct(), Is.EquivalentTo(Enum.GetValues<EmulatorTaskStatus>()));
            Assert.That(tasks.Select(t => t.Provider).Distinct(), Is.EquivalentTo(Enum.GetValues<EmulatorTaskProvider>()));
            Assert.That(tasks.Select(t => t.Name), Is.All.Match(@"^.+ — .+$"));
            Assert.That(tasks.Count(t => t.Notes is null), Is.InRange(1, 1999));
            Assert.That(tasks.Count(t => t.FieldSenteraId is null), Is.InRange(1, 1999));
            Assert.That(tasks.Count(t => t.PlanSenteraId is null), Is.InRange(1, 1999));
            Assert.That(tasks.Count(t => t.SurveySenteraId is null), Is.InRange(1, 1999));
            Assert.That(tasks.Count(t => t.AssignedToSenteraId is null), Is.InRange(1, 1999));
            Assert.That(tasks.Select(t => t.CreatedAt.Offset), Is.All.EqualTo(TimeSpan.Zero));
            Assert.That(tasks.All(t => t.UpdatedAt >= t.CreatedAt), Is.True);
            Assert.That(tasks.Where(t => t.Status == EmulatorTaskStatus.Completed).All(t => t.CompletedAt >= t.StartedAt && t.CompletedBySenteraId is not null), Is.True);
            Assert.That(tasks.Where(t => t.Status == EmulatorTaskStatus.Canceled).All(t => t.CanceledAt is not null), Is.True);
            Assert.That(tasks.Select(t => t.ContentHash), Is.All.Match("^[A-Za-z0-9+/]{16}$"));
            Assert.That(tasks.Select(t => t.ContentHash), Is.Unique);
        });
    }

    [Test]
    public void ContentHash_ChangingAnyField_ChangesTheHash()
    {
        var task = new EmulatorTask
        {
            SenteraId = "w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336",
            OrganizationSenteraId = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333",
            Name = "North 40 — stand count",
            CreatedBySenteraId = "aaaaaaa_US_bbbbSentera_CV_deve_877281e47_210503_085333",
            CreatedAt = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2024, 5, 2, 12, 0, 0, TimeSpan.Zero),
        };
        var instant = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var edits = new Dictionary<string, EmulatorTask>
        {
            ["SenteraId"] = task with { SenteraId = task.SenteraId + "x" },
            ["OrganizationSenteraId"] = task with { OrganizationSenteraId = "other" },
            ["Name"] = task with { Name = "North 40 — weed pressure" },
            ["Status"] = task with { Status = EmulatorTaskStatus.Completed },
            ["Provider"] = task with { Provider = EmulatorTaskProvider.FlyGuys },
            ["TaskType"] = task with { TaskType = EmulatorTaskType.Scout },
            ["Notes"] = task with { Notes = "" },
            ["FieldSenteraId"] = task with { FieldSenteraId = "f" },
            ["PlanSenteraId"] = task with { PlanSenteraId = "p" },
            ["SurveySenteraId"] = task with { SurveySenteraId = "s" },
            ["AssignedToSenteraId"] = task with { AssignedToSenteraId = "u" },
            ["CompletedBySenteraId"] = task with { CompletedBySenteraId = "u" },
            ["CreatedBySenteraId"] = task with { CreatedBySenteraId = "u" },
            ["UpdatedBySenteraId"] = task with { UpdatedBySenteraId = "u" },
            ["CreatedAt"] = task with { CreatedAt = instant },
            ["UpdatedAt"] = task with { UpdatedAt = instant },
            ["ScheduledAt"] = task with { ScheduledAt = instant },
            ["TargetedAt"] = task with { TargetedAt = instant },
            ["DueAt"] = task with { DueAt = instant },
            ["StartedAt"] = task with { StartedAt = instant },
            ["CompletedAt"] = task with { CompletedAt = instant },
            ["CanceledAt"] = task with { CanceledAt = instant },
        };

        // Every init property of EmulatorTask is edited above, so a new field cannot be forgotten.
        var properties = typeof(EmulatorTask).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);
        Assert.That(edits.Keys, Is.EquivalentTo(properties));
        Assert.That(edits.Values.Select(e => e.ContentHash).Append(task.ContentHash), Is.Unique);
        Assert.That(task.ContentHash, Has.Length.EqualTo(16));
    }
}
