using System.Diagnostics;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class EditsBetweenPagesTests
{
    [Test]
    public async Task OnRequest_EditBeforeTheSecondPage_TheEditedTaskComesBackInALaterPage()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 500, PageSize = 200 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var replica = new ClientReplica();
        var firstOfPageOne = emulator.Data.TasksOf(organization, includeDescendants: true).Keys.Order(StringComparer.Ordinal).First();
        EmulatorTask? edited = null;
        var seen = new List<int>();
        emulator.OnRequest = number =>
        {
            seen.Add(number);
            if (number == 2)
            {
                edited = emulator.Data.Update(firstOfPageOne, t => t with { Status = EmulatorTaskStatus.Canceled });
            }
        };

        await replica.SyncToCompletionAsync(client, organization, includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(replica.Pages[0].Upserted[0].Id, Is.EqualTo(firstOfPageOne));
            Assert.That(replica.Pages[1].RemainingCount, Is.EqualTo(101), "the edit is one more changed task");
            Assert.That(replica.Pages[1].Upserted[0].Id, Is.EqualTo(firstOfPageOne), "the smallest id leads the next page");
            Assert.That(replica.Hashes[firstOfPageOne], Is.EqualTo(edited!.ContentHash));
            Assert.That(replica.Hashes, Is.EquivalentTo(emulator.Data.TasksOf(organization, includeDescendants: true)));
        });
    }

    [Test]
    public async Task OnRequest_AddsAndDeletesDuringASync_TheClientConvergesOnTheServerState()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 1000, PageSize = 150 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var replica = new ClientReplica();
        emulator.OnRequest = number =>
        {
            if (number is >= 2 and <= 5)
            {
                emulator.Data.AddGeneratedTasks(emulator.OrganizationIds[number % emulator.OrganizationIds.Count], 7);
                emulator.Data.EditRandomTasks(5);
                emulator.Data.DeleteRandomTasks(3);
            }

            if (number == 3)
            {
                emulator.Data.Delete(replica.Hashes.Keys.First());
            }
        };

        await replica.SyncToCompletionAsync(client, organization, includeDescendants: true);

        Assert.That(replica.Hashes, Is.EquivalentTo(emulator.Data.TasksOf(organization, includeDescendants: true)));
        Assert.That(replica.Pages.Sum(p => p.Deleted.Count), Is.GreaterThan(0), "some deleted tasks had already been synced");
    }

    [Test]
    public async Task OnRequest_CallbackThrows_ThatRequestAnswers500AndTheNextIsServed()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 5 });
        using var client = new EmulatorClient(emulator);
        emulator.OnRequest = number =>
        {
            if (number == 1)
            {
                throw new InvalidOperationException("test callback failed");
            }
        };

        using var failed = await client.PostAsync(SyncRequests.Query("{ __typename }"));
        using var served = await client.PostAsync(SyncRequests.Query("{ __typename }"));

        Assert.That(failed.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.InternalServerError));
        Assert.That(served.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public async Task Sync_TwoHundredThousandHashes_AnswersTheFinalEmptyPage()
    {
        // A measurement, not a timing assertion: the elapsed time is written to the test output.
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 200_000, ChildrenPerOrganization = 0 });
        using var client = new EmulatorClient(emulator, TimeSpan.FromMinutes(2));
        var organization = emulator.OrganizationIds[0];
        var held = emulator.Data.TasksOf(organization);
        var body = SyncRequests.Sync(organization, held.Values);
        using (await client.PostAsync(SyncRequests.Sync(organization, held.Values.Take(10))))
        {
            // Warm-up: the first request pays for JIT and the schema.
        }

        var stopwatch = Stopwatch.StartNew();
        using var response = await client.PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();

        await TestContext.Out.WriteLineAsync($"200,000 hashes ({body.Length:N0} bytes of request): answered in {stopwatch.ElapsedMilliseconds} ms");
        Assert.That(held, Has.Count.EqualTo(200_000));
        Assert.That(text, Does.Contain("\"remaining_count\":0").And.Contain("\"upserted\":[]"));
    }
}
