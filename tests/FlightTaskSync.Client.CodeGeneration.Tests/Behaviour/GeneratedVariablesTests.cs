using System.Globalization;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Behaviour;

public sealed class GeneratedVariablesTests
{
    private static GeneratedClientAssembly Client => GeneratedClientSetUp.Client;

    [Test]
    public async Task WriteAsync_100000Hashes_WritesEveryVariableAndEveryHashInOrder()
    {
        // Arrange
        var hashes = Enumerable.Range(0, 100_000).Select(i => i.ToString("x16", CultureInfo.InvariantCulture)).ToList();
        using var stream = new WriteCountingStream();

        // Act
        await Client.InvokeAsync("WriteVariablesAsync", stream, SyncPages.OrganizationId, hashes, null);

        // Assert
        var json = Encoding.UTF8.GetString(stream.ToArray());
        var expected = $"{{\"organizationSenteraId\":\"{SyncPages.OrganizationId}\",\"contentHashes\":[\"{string.Join("\",\"", hashes)}\"],\"includeDescendantOrganizations\":null}}";
        Assert.That(json, Is.EqualTo(expected));
    }

    [Test]
    public async Task WriteAsync_LargeList_FlushesAsItGoes()
    {
        // Arrange: 100,000 hashes are about 2 MB of JSON.
        var hashes = Enumerable.Range(0, 100_000).Select(i => i.ToString("x16", CultureInfo.InvariantCulture)).ToList();
        using var stream = new WriteCountingStream();

        // Act
        await Client.InvokeAsync("WriteVariablesAsync", stream, SyncPages.OrganizationId, hashes, true);

        // Assert: flushed every 16 KB or so, not once at the end.
        Assert.That(stream.WriteCount, Is.GreaterThan(100));
    }

    [Test]
    public async Task WriteAsync_PreserializedList_WritesTheSameJsonAsAnOrdinaryList()
    {
        // Arrange
        var hashes = Enumerable.Range(0, 100_000).Select(i => i.ToString("x16", CultureInfo.InvariantCulture)).ToList();
        using var fromList = new WriteCountingStream();
        using var fromJson = new WriteCountingStream();

        // Act
        await Client.InvokeAsync("WriteVariablesAsync", fromList, SyncPages.OrganizationId, hashes, null);
        await Client.InvokeAsync("WriteVariablesFromJsonListAsync", fromJson, SyncPages.OrganizationId, hashes);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(fromJson.ToArray()), Is.EqualTo(Encoding.UTF8.GetString(fromList.ToArray())));
            // About 2 MB in chunks of at most 64 KB (the list's chunk size), never in one write.
            Assert.That(fromJson.WriteCount, Is.GreaterThanOrEqualTo(fromJson.Length / 65536), "still streamed in chunks");
            Assert.That(fromJson.WriteCount, Is.GreaterThan(10), "still streamed in chunks");
        });
    }

    [Test]
    public async Task WriteAsync_ListThatWritesItself_IsNeitherValidatedNorWrittenElementByElement()
    {
        // Arrange: the probe's list throws if read element by element.
        const string method = "WriteVariablesFromSelfWritingListAsync";

        // Act
        var json = await Client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo("{\"organizationSenteraId\":\"org\",\"contentHashes\":[\"written\",\"by itself\"],\"includeDescendantOrganizations\":true}"));
    }

    [Test]
    public async Task WriteAsync_IncludeDescendants_WritesTheBoolean()
    {
        // Arrange
        using var stream = new WriteCountingStream();
        IReadOnlyList<string> hashes = ["a"];

        // Act
        await Client.InvokeAsync("WriteVariablesAsync", stream, "org", hashes, true);

        // Assert
        using var written = JsonDocument.Parse(stream.ToArray());
        Assert.That(written.RootElement.GetProperty("includeDescendantOrganizations").GetBoolean(), Is.True);
    }

    [Test]
    public void Validate_NullOrganizationId_ThrowsArgumentNullExceptionNamingIt()
    {
        // Arrange
        var hashes = new[] { "a" };

        // Act
        var exception = Assert.Throws<ArgumentNullException>(() => Client.Invoke("ValidateVariables", null, hashes));

        // Assert
        Assert.That(exception.ParamName, Is.EqualTo("organizationSenteraId"));
    }

    [Test]
    public void Validate_NullHashList_ThrowsArgumentNullExceptionNamingIt()
    {
        // Arrange
        string?[]? hashes = null;

        // Act
        var exception = Assert.Throws<ArgumentNullException>(() => Client.Invoke("ValidateVariables", "org", hashes));

        // Assert
        Assert.That(exception.ParamName, Is.EqualTo("contentHashes"));
    }

    [Test]
    public void Validate_NullHashInTheList_ThrowsArgumentExceptionNamingVariableAndIndex()
    {
        // Arrange
        var hashes = new[] { "a", "b", null, "d" };

        // Act
        var exception = Assert.Throws<ArgumentException>(() => Client.Invoke("ValidateVariables", "org", hashes));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception.ParamName, Is.EqualTo("contentHashes"));
            Assert.That(exception.Message, Does.StartWith("contentHashes[2] is null"));
        });
    }

    [TestCase("FlightCompleted", "FLIGHT_COMPLETED")]
    [TestCase("Canceled", "CANCELED")]
    [TestCase("WaitingForUpload", "WAITING_FOR_UPLOAD")]
    public void Format_KnownStatus_GivesTheGraphQLName(string member, string expected)
    {
        // Arrange
        var value = member;

        // Act
        var formatted = Client.Invoke("FormatStatus", value);

        // Assert
        Assert.That(formatted, Is.EqualTo(expected));
    }

    [Test]
    public void Format_Unknown_ThrowsArgumentOutOfRangeException()
    {
        // Arrange
        const string member = "Unknown";

        // Act
        Action format = () => Client.Invoke("FormatStatus", member);

        // Assert
        Assert.That(format, Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
