using FlightTaskSync.Client.Editing;

namespace FlightTaskSync.Client.Tests.Editing;

/// <summary>The checks every edit passes before anything is queued, and the messages that say what to fix.</summary>
public sealed class FlightTaskEditValidatorTests
{
    private const string ChangesParameter = "changes";
    private const string TaskParameter = "task";
    private const string TaskIdParameter = "taskId";
    private const string Organization = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";
    private static readonly SyncScope Scope = new(Organization);
    private static readonly DateTimeOffset Morning = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<TestCaseData> BadChanges()
    {
        yield return new TestCaseData(new FlightTaskChanges(), "set no property").SetName("{m}(nothing set)");
        yield return new TestCaseData(new FlightTaskChanges { Name = null }, "Name is set to null").SetName("{m}(name cleared)");
        yield return new TestCaseData(new FlightTaskChanges { Name = "   " }, "Name is blank").SetName("{m}(name blank)");
        yield return new TestCaseData(new FlightTaskChanges { Name = new string('n', 256) }, "Name is 256 characters long: the server accepts at most 255").SetName("{m}(name too long)");
        yield return new TestCaseData(new FlightTaskChanges { Notes = new string('n', 65_536) }, "Notes is 65,536 characters long: the server accepts at most 65,535").SetName("{m}(notes too long)");
        yield return new TestCaseData(new FlightTaskChanges { FieldSenteraId = " " }, "FieldSenteraId is blank").SetName("{m}(field id blank)");
        yield return new TestCaseData(new FlightTaskChanges { PlanSenteraId = "" }, "PlanSenteraId is blank").SetName("{m}(plan id empty)");
        yield return new TestCaseData(new FlightTaskChanges { SurveySenteraId = "\t" }, "SurveySenteraId is blank").SetName("{m}(survey id blank)");
        yield return new TestCaseData(new FlightTaskChanges { AssignedToSenteraId = "" }, "AssignedToSenteraId is blank").SetName("{m}(assignee id blank)");
        yield return new TestCaseData(new FlightTaskChanges { CompletedBySenteraId = " " }, "CompletedBySenteraId is blank").SetName("{m}(completed-by blank)");
        yield return new TestCaseData(new FlightTaskChanges { AssignedToEmail = "pilot" }, "AssignedToEmail is not an e-mail address").SetName("{m}(e-mail without @)");
        yield return new TestCaseData(new FlightTaskChanges { Provider = FlightTaskProvider.Unknown }, "Provider is Unknown").SetName("{m}(provider unknown)");
        yield return new TestCaseData(new FlightTaskChanges { ScheduledAt = default(DateTimeOffset) }, "ScheduledAt is 0001-01-01").SetName("{m}(default date)");
        yield return new TestCaseData(new FlightTaskChanges { DueAt = DateTimeOffset.MaxValue }, "DueAt is 9999").SetName("{m}(max date)");
        yield return new TestCaseData(new FlightTaskChanges { StartedAt = Morning, CompletedAt = Morning.AddHours(-1) }, "CompletedAt is before FlightTaskChanges.StartedAt").SetName("{m}(completed before started)");
    }

    [TestCaseSource(nameof(BadChanges))]
    public void CheckChanges_BadValue_ThrowsNamingThePropertyAndTheRule(FlightTaskChanges changes, string expectedMessage)
    {
        // Act, Assert
        Assert.That(
            () => FlightTaskEditValidator.CheckChanges(changes, ChangesParameter),
            Throws.ArgumentException.With.Message.Contains(expectedMessage).And.Property(nameof(ArgumentException.ParamName)).EqualTo(ChangesParameter));
    }

    [Test]
    public void CheckChanges_GoodValuesAtTheLimitsAndClears_Pass()
    {
        // Arrange: 255 emoji are 510 UTF-16 units but 255 characters, as the server counts.
        var changes = new FlightTaskChanges
        {
            Name = string.Concat(Enumerable.Repeat("🚁", 255)),
            Notes = new string('n', 65_535),
            FieldSenteraId = null,
            AssignedToEmail = "pilot@example.com",
            Provider = null,
            ScheduledAt = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero),
            StartedAt = Morning,
            CompletedAt = Morning,
            CanceledAt = null,
        };

        // Act, Assert
        Assert.That(() => FlightTaskEditValidator.CheckChanges(changes, ChangesParameter), Throws.Nothing);
    }

    [Test]
    public void CheckChanges_Null_ThrowsArgumentNull()
    {
        Assert.That(() => FlightTaskEditValidator.CheckChanges(null!, "changes"), Throws.ArgumentNullException);
    }

    public static IEnumerable<TestCaseData> BadNewTasks()
    {
        yield return new TestCaseData(new NewFlightTask { Name = "", OrganizationSenteraId = Organization }, "NewFlightTask.Name is blank").SetName("{m}(name empty)");
        yield return new TestCaseData(new NewFlightTask { Name = null!, OrganizationSenteraId = Organization }, "NewFlightTask.Name is null").SetName("{m}(name null)");
        yield return new TestCaseData(new NewFlightTask { Name = new string('n', 300), OrganizationSenteraId = Organization }, "NewFlightTask.Name is 300 characters long").SetName("{m}(name too long)");
        yield return new TestCaseData(new NewFlightTask { Name = "Scout", OrganizationSenteraId = " " }, "NewFlightTask.OrganizationSenteraId is blank").SetName("{m}(organization blank)");
        yield return new TestCaseData(new NewFlightTask { Name = "Scout", OrganizationSenteraId = "k3v8d0q_OR_other" }, "is not the organization of the scope").SetName("{m}(organization outside the scope)");
        yield return new TestCaseData(new NewFlightTask { Name = "Scout", OrganizationSenteraId = Organization, Provider = FlightTaskProvider.Unknown }, "NewFlightTask.Provider is Unknown").SetName("{m}(provider unknown)");
        yield return new TestCaseData(new NewFlightTask { Name = "Scout", OrganizationSenteraId = Organization, FieldSenteraId = "" }, "NewFlightTask.FieldSenteraId is blank").SetName("{m}(field blank)");
        yield return new TestCaseData(new NewFlightTask { Name = "Scout", OrganizationSenteraId = Organization, Notes = new string('n', 70_000) }, "NewFlightTask.Notes is 70,000 characters long").SetName("{m}(notes too long)");
        yield return new TestCaseData(new NewFlightTask { Name = "Scout", OrganizationSenteraId = Organization, TargetedAt = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero) }, "NewFlightTask.TargetedAt is 2200").SetName("{m}(date too late)");
    }

    [TestCaseSource(nameof(BadNewTasks))]
    public void CheckNewTask_BadValue_ThrowsNamingThePropertyAndTheRule(NewFlightTask task, string expectedMessage)
    {
        // Act, Assert
        Assert.That(
            () => FlightTaskEditValidator.CheckNewTask(Scope, task, TaskParameter),
            Throws.ArgumentException.With.Message.Contains(expectedMessage).And.Property(nameof(ArgumentException.ParamName)).EqualTo(TaskParameter));
    }

    [Test]
    public void CheckNewTask_OrganizationOfAnotherScopeWithDescendants_Passes()
    {
        // Arrange: a child organization cannot be told from a stranger's locally; the scope may include it.
        var task = new NewFlightTask { Name = "Scout", OrganizationSenteraId = "k3v8d0q_OR_child" };

        // Act, Assert
        Assert.That(() => FlightTaskEditValidator.CheckNewTask(Scope with { IncludeDescendantOrganizations = true }, task, "task"), Throws.Nothing);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void CheckTaskId_Blank_ThrowsArgumentException(string taskId)
    {
        Assert.That(() => FlightTaskEditValidator.CheckTaskId(taskId, TaskIdParameter), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo(TaskIdParameter));
    }
}
