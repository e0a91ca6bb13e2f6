using System.Text.Json;
using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using FlightTaskSync.Tests.Shared;
using static FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure.ResultReflection;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Behaviour;

public sealed class GeneratedClientRegistrationTests
{
    private static GeneratedClientAssembly Client => GeneratedClientSetUp.Client;

    [Test]
    public void AddFieldAgentClient_CalledTwice_AddsNothingTheSecondTime()
    {
        // Arrange
        const string probe = "CountRegistrations";

        // Act
        var counts = (int[])Client.Invoke(probe)!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(counts[1], Is.EqualTo(counts[0]), "registrations after the second call");
            Assert.That(counts[2], Is.EqualTo(1), "the builder carries the client's name");
        });
    }

    [Test]
    public async Task ExecuteAsync_ThroughServices_SendsNameDocumentAndVariablesAndReturnsTheData()
    {
        // Arrange
        using var request = new WriteCountingStream();
        var hashes = new[] { "xdNDk/aet07YA1pi", "/h9Kp8h1wLAR77g6" };

        // Act
        var data = await Client.InvokeAsync("ExecuteThroughServicesAsync", SyncPages.Utf8(SyncPages.Page()), request, SyncPages.OrganizationId, hashes);

        // Assert
        using var sent = JsonDocument.Parse(request.ToArray());
        var expectedDocument = (string)Client.GeneratedType("SyncFlightTasksQueryDocument").GetField("Text")!.GetValue(null)!;
        Assert.Multiple(() =>
        {
            Assert.That(sent.RootElement.GetProperty("operationName").GetString(), Is.EqualTo("SyncFlightTasks"));
            Assert.That(sent.RootElement.GetProperty("query").GetString(), Is.EqualTo(expectedDocument));
            Assert.That(sent.RootElement.GetProperty("variables").GetRawText(), Is.EqualTo($"{{\"organizationSenteraId\":\"{SyncPages.OrganizationId}\",\"contentHashes\":[\"xdNDk/aet07YA1pi\",\"/h9Kp8h1wLAR77g6\"],\"includeDescendantOrganizations\":null}}"));
            Assert.That(At(data!, "Sync_flight_tasks.Upserted[0].Sentera_id"), Is.EqualTo(SyncPages.TaskId));
        });
    }

    [Test]
    public void ExecuteAsync_NullHash_ThrowsBeforeAnythingIsSent()
    {
        // Arrange
        using var request = new WriteCountingStream();
        var hashes = new[] { "a", null };

        // Act
        Assert.ThrowsAsync<ArgumentException>(() => Client.InvokeAsync("ExecuteThroughServicesAsync", SyncPages.Utf8(SyncPages.Page()), request, "org", hashes));

        // Assert
        Assert.That(request.Length, Is.Zero);
    }

    [Test]
    public async Task ExecuteAsync_WithAParser_SendsTheSameRequestAndReadsTheDataWithThatParser()
    {
        // Arrange
        using var request = new MemoryStream();
        var hashes = new[] { "xdNDk/aet07YA1pi" };
        var body = SyncPages.Page();

        // Act
        var data = (string?)await Client.InvokeAsync("ExecuteWithOwnParserAsync", SyncPages.Utf8(body), request, SyncPages.OrganizationId, hashes);

        // Assert
        using var sent = JsonDocument.Parse(request.ToArray());
        using var expectedData = JsonDocument.Parse(body);
        var expectedDocument = (string)Client.GeneratedType("SyncFlightTasksQueryDocument").GetField("Text")!.GetValue(null)!;
        Assert.Multiple(() =>
        {
            Assert.That(sent.RootElement.GetProperty("operationName").GetString(), Is.EqualTo("SyncFlightTasks"));
            Assert.That(sent.RootElement.GetProperty("query").GetString(), Is.EqualTo(expectedDocument));
            Assert.That(sent.RootElement.GetProperty("variables").GetRawText(), Is.EqualTo($"{{\"organizationSenteraId\":\"{SyncPages.OrganizationId}\",\"contentHashes\":[\"xdNDk/aet07YA1pi\"],\"includeDescendantOrganizations\":null}}"));
            Assert.That(JsonDocument.Parse(data!).RootElement.GetRawText(), Is.EqualTo(expectedData.RootElement.GetProperty("data").GetRawText()), "the caller's parser read the data member");
        });
    }

    [Test]
    public void ExecuteAsync_WithAParserAndInvalidVariables_ThrowsBeforeAnythingIsSent()
    {
        using var request = new WriteCountingStream();

        Assert.ThrowsAsync<ArgumentException>(() => Client.InvokeAsync("ExecuteWithOwnParserAndNullHashAsync", request));

        Assert.That(request.Length, Is.Zero);
    }

    [Test]
    public void ExecuteAsync_WithANullParser_ThrowsBeforeAnythingIsSent()
    {
        using var request = new WriteCountingStream();

        Assert.ThrowsAsync<ArgumentNullException>(() => Client.InvokeAsync("ExecuteWithNullParserAsync", request));

        Assert.That(request.Length, Is.Zero);
    }
}
