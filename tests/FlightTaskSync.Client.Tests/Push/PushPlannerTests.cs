using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>How a scope's queue becomes calls: folding per task, phases, sizes, and what waits.</summary>
public sealed class PushPlannerTests
{
    [Test]
    public void Plan_SeveralUpdatesOfOneTask_MergeIntoOneEntryLaterValuesWin()
    {
        // Arrange
        var edits = new[]
        {
            Update(1, TaskId(1), new FlightTaskChanges { Notes = "Creek corner flooded", Name = "North field" }),
            Update(2, TaskId(1), new FlightTaskChanges { Notes = null, CompletedAt = T0 }),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        var entry = plan.Calls.Single().Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Kind, Is.EqualTo(PendingEditKind.Update));
            Assert.That(entry.EditIds, Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(entry.Changes!.ChangedProperties, Is.EquivalentTo(new[] { FlightTaskProperty.Name, FlightTaskProperty.Notes, FlightTaskProperty.CompletedAt }));
            Assert.That(entry.Changes.Notes, Is.Null, "the later edit cleared the notes");
            Assert.That(entry.Changes.Name, Is.EqualTo("North field"));
            Assert.That(entry.Changes.CompletedAt, Is.EqualTo(T0));
        });
    }

    [Test]
    public void Plan_CreateThenUpdates_MergeIntoTheCreate()
    {
        // Arrange
        var edits = new[]
        {
            Create(1, LocalId(1), "Replant check", FieldId(1)),
            Update(2, LocalId(1), new FlightTaskChanges { Notes = "Bring the RGB camera", FieldSenteraId = null }, baseHash: null),
            Update(3, LocalId(1), new FlightTaskChanges { Name = "Replant check, east" }, baseHash: null),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        var entry = plan.Calls.Single().Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Kind, Is.EqualTo(PendingEditKind.Create));
            Assert.That(entry.EditIds, Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(entry.NewTask!.Name, Is.EqualTo("Replant check, east"));
            Assert.That(entry.NewTask.Notes, Is.EqualTo("Bring the RGB camera"));
            Assert.That(entry.NewTask.FieldSenteraId, Is.Null, "cleared by the update");
            Assert.That(entry.NewTask.OrganizationSenteraId, Is.EqualTo(Organization));
        });
    }

    [Test]
    public void Plan_EditsThenDelete_BecomeTheDelete()
    {
        // Arrange
        var edits = new[]
        {
            Update(1, TaskId(1), new FlightTaskChanges { Notes = "x" }),
            Begin(2, TaskId(1)),
            Delete(3, TaskId(1)),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        var call = plan.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Kind, Is.EqualTo(PushCallKind.Delete));
            Assert.That(call.Entries.Single().EditIds, Is.EqualTo(new long[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void Plan_CreateUpdatedBegunThenDeleted_SendsNothing()
    {
        // Arrange
        var edits = new[]
        {
            Create(1, LocalId(1)),
            Update(2, LocalId(1), new FlightTaskChanges { Notes = "x" }, baseHash: null),
            Begin(3, LocalId(1), baseHash: null),
            Delete(4, LocalId(1), baseHash: null),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls, Is.Empty);
            Assert.That(plan.ResolvedLocally, Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        });
    }

    [Test]
    public void Plan_BeginThenCompleted_SendsTheBeginFirst()
    {
        // Arrange
        var edits = new[] { Begin(1, TaskId(1)), Update(2, TaskId(1), new FlightTaskChanges { CompletedAt = T0 }) };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.That(plan.Calls.Select(c => c.Kind), Is.EqualTo(new[] { PushCallKind.Begin, PushCallKind.Upsert }));
    }

    [Test]
    public void Plan_UpdateBeginUpdate_KeepsTheTasksOrderAcrossThreeCalls()
    {
        // Arrange: reopening a canceled task, beginning it, then completing it.
        var edits = new[]
        {
            Update(1, TaskId(1), new FlightTaskChanges { CanceledAt = null }),
            Begin(2, TaskId(1)),
            Update(3, TaskId(1), new FlightTaskChanges { CompletedAt = T0 }),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls.Select(c => c.Kind), Is.EqualTo(new[] { PushCallKind.Upsert, PushCallKind.Begin, PushCallKind.Upsert }));
            Assert.That(plan.Calls.Select(c => c.Entries.Single().EditIds[0]), Is.EqualTo(new long[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void Plan_CreatedTaskBegun_CreateBeforeBeginBeforeTheUpdatesAfterIt()
    {
        // Arrange
        var edits = new[]
        {
            Create(1, LocalId(1)),
            Begin(2, LocalId(1), baseHash: null),
            Update(3, LocalId(1), new FlightTaskChanges { CompletedAt = T0 }, baseHash: null),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls.Select(c => c.Kind), Is.EqualTo(new[] { PushCallKind.Upsert, PushCallKind.Begin, PushCallKind.Upsert }));
            Assert.That(plan.Calls.Select(c => c.Entries.Single().Kind), Is.EqualTo(new[] { PendingEditKind.Create, PendingEditKind.Begin, PendingEditKind.Update }));
        });
    }

    [Test]
    public void Plan_EditsOfDifferentTasks_GroupedByPhaseInTheOrderMadeWithDeletesLast()
    {
        // Arrange
        var edits = new[]
        {
            Delete(1, TaskId(1)),
            Update(2, TaskId(2), new FlightTaskChanges { Notes = "x" }),
            Begin(3, TaskId(3)),
            Create(4, LocalId(4)),
            Update(5, TaskId(3), new FlightTaskChanges { CompletedAt = T0 }),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls.Select(c => c.Kind), Is.EqualTo(new[] { PushCallKind.Upsert, PushCallKind.Begin, PushCallKind.Upsert, PushCallKind.Delete }));
            Assert.That(plan.Calls[0].Entries.Select(e => e.EditIds[0]), Is.EqualTo(new long[] { 2, 4 }), "the update and the create share a call, in the order made");
            Assert.That(plan.Calls[2].Entries.Single().EditIds, Is.EqualTo(new long[] { 5 }));
            Assert.That(plan.Calls[3].Entries.Single().TaskId, Is.EqualTo(TaskId(1)));
        });
    }

    [TestCase("Upsert", 250, new[] { 100, 100, 50 })]
    [TestCase("Begin", 201, new[] { 100, 100, 1 })]
    [TestCase("Delete", 1500, new[] { 1000, 500 })]
    public void Plan_ManyTasks_CallsOfTheDocumentedSizes(string kindName, int tasks, int[] expectedSizes)
    {
        // Arrange
        var kind = Enum.Parse<PushCallKind>(kindName);
        var edits = Enumerable.Range(1, tasks).Select(n => kind switch
        {
            PushCallKind.Upsert => Update(n, TaskId(n), new FlightTaskChanges { Notes = $"n{n}" }),
            PushCallKind.Begin => Begin(n, TaskId(n)),
            _ => Delete(n, TaskId(n)),
        }).ToList();

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls.Select(c => c.Entries.Count), Is.EqualTo(expectedSizes));
            Assert.That(plan.Calls.All(c => c.Kind == kind));
        });
    }

    [Test]
    public void Plan_ThousandEditsOfATypicalDay_AtMostFifteenRequests()
    {
        // Arrange: 150 tasks begun and completed with a note, 100 created (half with a follow-up
        // note), 250 notes on other tasks, 100 tasks begun only, 100 deleted (some edited first).
        var edits = new List<OutboxEdit>();
        long id = 0;
        for (var n = 1; n <= 150; n++)
        {
            edits.Add(Begin(++id, TaskId(n)));
            edits.Add(Update(++id, TaskId(n), new FlightTaskChanges { CompletedAt = T0, Notes = "done" }));
        }

        for (var n = 1; n <= 100; n++)
        {
            edits.Add(Create(++id, LocalId(n), $"Scout {n}"));
            if (n % 2 == 0)
            {
                edits.Add(Update(++id, LocalId(n), new FlightTaskChanges { Notes = "follow-up" }, baseHash: null));
            }
        }

        for (var n = 151; n <= 400; n++)
        {
            edits.Add(Update(++id, TaskId(n), new FlightTaskChanges { Notes = $"note {n}" }));
        }

        for (var n = 401; n <= 500; n++)
        {
            edits.Add(Begin(++id, TaskId(n)));
        }

        for (var n = 501; n <= 600 && id < 1000; n++)
        {
            if (n % 4 == 0 && id < 999)
            {
                edits.Add(Update(++id, TaskId(n), new FlightTaskChanges { Notes = "before delete" }));
            }

            edits.Add(Delete(++id, TaskId(n)));
        }

        while (id < 1000)
        {
            edits.Add(Update(++id, TaskId((int)id + 1000), new FlightTaskChanges { Notes = "extra" }));
        }

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        TestContext.Out.WriteLine($"1,000 edits of a typical day: {plan.Calls.Count} calls ({string.Join(", ", plan.Calls)})");
        Assert.Multiple(() =>
        {
            Assert.That(edits, Has.Count.EqualTo(1000));
            Assert.That(plan.Calls, Has.Count.LessThanOrEqualTo(15));
            AssertEveryEditOnceWithinLimitsInTaskOrder(edits, plan);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void Plan_ThousandEditsOfRandomTasks_AtMostThirteenRequestsEveryEditOnceInTaskOrder(int seed)
    {
        // Arrange: tasks with the edit sequences an app makes, mixed at random, to 1,000 edits.
        var shapes = new[] { "U", "UU", "B", "BU", "UBU", "C", "CU", "CBU", "CUBU", "D", "UD", "CD", "BUU" };
        var random = new Random(seed);
        var edits = new List<OutboxEdit>();
        long id = 0;
        for (var task = 1; id < 1000; task++)
        {
            var shape = shapes[random.Next(shapes.Length)];
            var taskId = shape[0] == 'C' ? LocalId(task) : TaskId(task);
            foreach (var step in shape.Take((int)Math.Min(shape.Length, 1000 - id)))
            {
                edits.Add(step switch
                {
                    'C' => Create(++id, taskId, $"Task {task}"),
                    'U' => Update(++id, taskId, new FlightTaskChanges { Notes = $"{task}/{id}" }, baseHash: shape[0] == 'C' ? null : "hash-1"),
                    'B' => Begin(++id, taskId),
                    _ => Delete(++id, taskId),
                });
            }
        }

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls, Has.Count.LessThanOrEqualTo(13));
            AssertEveryEditOnceWithinLimitsInTaskOrder(edits, plan);
        });
    }

    [Test]
    public void Plan_RejectedEdits_AreNotSentAndLaterEditsOfTheTaskAre()
    {
        // Arrange
        var edits = new[]
        {
            Update(1, TaskId(1), new FlightTaskChanges { Name = "x" }, state: OutboxEditState.Rejected),
            Update(2, TaskId(1), new FlightTaskChanges { Notes = "y" }),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.That(plan.Calls.Single().Entries.Single().EditIds, Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Plan_TaskWithAnEditInDoubt_WaitsForTheNextSync()
    {
        // Arrange
        var edits = new[]
        {
            Update(1, TaskId(1), new FlightTaskChanges { Name = "x" }, state: OutboxEditState.Sending),
            Update(2, TaskId(1), new FlightTaskChanges { Notes = "y" }),
            Update(3, TaskId(2), new FlightTaskChanges { Notes = "z" }),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Waiting, Is.EqualTo(new long[] { 2 }));
            Assert.That(plan.Calls.Single().Entries.Single().TaskId, Is.EqualTo(TaskId(2)));
        });
    }

    [Test]
    public void Plan_EditsOfACreateTheServerRejected_WaitUntilItIsDiscarded()
    {
        // Arrange
        var edits = new[]
        {
            Create(1, LocalId(1), state: OutboxEditState.Rejected),
            Update(2, LocalId(1), new FlightTaskChanges { Notes = "y" }, baseHash: null),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls, Is.Empty);
            Assert.That(plan.Waiting, Is.EqualTo(new long[] { 2 }));
        });
    }

    [Test]
    public void Plan_DeleteOfACreateTheServerRejected_ResolvesEveryEditOfItWithoutACall()
    {
        // Arrange
        var edits = new[]
        {
            Create(1, LocalId(1), state: OutboxEditState.Rejected),
            Update(2, LocalId(1), new FlightTaskChanges { Notes = "y" }, baseHash: null),
            Delete(3, LocalId(1), baseHash: null),
        };

        // Act
        var plan = PushPlanner.Plan(edits);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls, Is.Empty);
            Assert.That(plan.ResolvedLocally, Is.EqualTo(new long[] { 1, 2, 3 }));
        });
    }

    /// <summary>
    /// Every pending edit is in exactly one entry or resolved locally; no call is over its limit; and
    /// each task's entries come in calls in the order of its edits.
    /// </summary>
    private static void AssertEveryEditOnceWithinLimitsInTaskOrder(IReadOnlyList<OutboxEdit> edits, PushPlan plan)
    {
        var planned = plan.Calls.SelectMany(c => c.EditIds).Concat(plan.ResolvedLocally).ToList();
        Assert.That(planned, Is.EquivalentTo(edits.Select(e => e.Id)), "every edit once");
        Assert.That(plan.Calls.All(c => c.Entries.Count <= PushLimits.Of(c.Kind)), "every call within its limit");
        for (var i = 0; i < plan.Calls.Count; i++)
        {
            Assert.That(plan.Calls[i].Entries.Select(e => e.TaskId), Is.Unique, $"call {i} has one entry per task");
        }

        var lastEditByTask = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in plan.Calls.SelectMany(c => c.Entries))
        {
            if (lastEditByTask.TryGetValue(entry.TaskId, out var last))
            {
                Assert.That(entry.EditIds[0], Is.GreaterThan(last), $"{entry.TaskId}'s entries go out in the order its edits were made");
            }

            lastEditByTask[entry.TaskId] = entry.EditIds[^1];
        }
    }
}
