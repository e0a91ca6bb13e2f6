using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class LifecycleTests
{
    [Test]
    public async Task StartAsync_TwoEmulators_ListenOnDifferentPorts()
    {
        await using var first = await FieldAgentEmulator.StartAsync();
        await using var second = await FieldAgentEmulator.StartAsync();

        Assert.That(second.Endpoint.Port, Is.Not.EqualTo(first.Endpoint.Port));
        Assert.That(second.AccessToken, Is.Not.EqualTo(first.AccessToken));
    }

    [Test]
    public async Task StopAsync_ThenRequest_TheConnectionIsRefused()
    {
        var emulator = await FieldAgentEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);

        await emulator.StopAsync();
        await emulator.StopAsync();

        Assert.That(async () => await client.PostAsync(SyncRequests.Query("{ __typename }")), Throws.InstanceOf<HttpRequestException>());
        await emulator.DisposeAsync();
    }

    [Test]
    public async Task StartAsync_DefaultOptions_SeedsOneRootWithTwoChildrenAndNoTasks()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync();

        Assert.That(emulator.OrganizationIds, Has.Count.EqualTo(3));
        Assert.That(emulator.Data.TaskCount, Is.Zero);
        Assert.That(emulator.PageSize, Is.EqualTo(2000));
        Assert.That(emulator.AccessToken, Is.Not.Empty);
    }

    [TestCase(nameof(EmulatorOptions.PageSize))]
    [TestCase(nameof(EmulatorOptions.TaskCount))]
    [TestCase(nameof(EmulatorOptions.OrganizationCount))]
    [TestCase(nameof(EmulatorOptions.Port))]
    [TestCase(nameof(EmulatorOptions.TokenLifetime))]
    [TestCase(nameof(EmulatorOptions.AccessToken))]
    public void StartAsync_OptionOutOfRange_ThrowsNamingTheOption(string option)
    {
        var options = new EmulatorOptions();
        switch (option)
        {
            case nameof(EmulatorOptions.PageSize): options.PageSize = 0; break;
            case nameof(EmulatorOptions.TaskCount): options.TaskCount = -1; break;
            case nameof(EmulatorOptions.OrganizationCount): options.OrganizationCount = 0; break;
            case nameof(EmulatorOptions.Port): options.Port = 70000; break;
            case nameof(EmulatorOptions.TokenLifetime): options.TokenLifetime = TimeSpan.Zero; break;
            case nameof(EmulatorOptions.AccessToken): options.AccessToken = "has space"; break;
        }

        Assert.That(async () => await FieldAgentEmulator.StartAsync(options), Throws.ArgumentException.With.Message.Contains("EmulatorOptions." + option));
    }
}
