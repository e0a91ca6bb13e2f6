using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Tests.Storage;

public class ServerEnumValuesTests
{
    [TestCase(FlightTaskStatus.Open, "OPEN")]
    [TestCase(FlightTaskStatus.InProgress, "IN_PROGRESS")]
    [TestCase(FlightTaskStatus.FlightCompleted, "FLIGHT_COMPLETED")]
    [TestCase(FlightTaskStatus.WaitingForUpload, "WAITING_FOR_UPLOAD")]
    [TestCase(FlightTaskStatus.Completed, "COMPLETED")]
    [TestCase(FlightTaskStatus.Failed, "FAILED")]
    [TestCase(FlightTaskStatus.Canceled, "CANCELED")]
    public void Status_KnownValue_MapsBothWays(FlightTaskStatus status, string serverValue)
    {
        Assert.That(ServerEnumValues.ToServer(status), Is.EqualTo(serverValue));
        Assert.That(ServerEnumValues.ParseStatus(serverValue), Is.EqualTo(status));
    }

    [TestCase("CANCELLED")]
    [TestCase("open")]
    [TestCase("AWAITING_APPROVAL")]
    [TestCase("")]
    [TestCase(null)]
    public void ParseStatus_ValueNotKnown_IsUnknown(string? serverValue)
    {
        Assert.That(ServerEnumValues.ParseStatus(serverValue), Is.EqualTo(FlightTaskStatus.Unknown));
    }

    [Test]
    public void KnownStatuses_AreEveryStatusButUnknown()
    {
        string[] expected = ["OPEN", "IN_PROGRESS", "FLIGHT_COMPLETED", "WAITING_FOR_UPLOAD", "COMPLETED", "FAILED", "CANCELED"];

        Assert.That(ServerEnumValues.KnownStatuses, Is.EqualTo(expected));
        Assert.That(ServerEnumValues.ToServer(FlightTaskStatus.Unknown), Is.Null);
    }

    [TestCase(FlightTaskProvider.Self, "SELF")]
    [TestCase(FlightTaskProvider.Sentera, "SENTERA")]
    [TestCase(FlightTaskProvider.FlyGuys, "FLY_GUYS")]
    public void Provider_KnownValue_MapsBothWays(FlightTaskProvider provider, string serverValue)
    {
        Assert.That(ServerEnumValues.ToServer(provider), Is.EqualTo(serverValue));
        Assert.That(ServerEnumValues.ParseProvider(serverValue), Is.EqualTo(provider));
    }

    [TestCase("FLYGUYS")]
    [TestCase("self")]
    [TestCase(null)]
    public void ParseProvider_ValueNotKnown_IsUnknown(string? serverValue)
    {
        Assert.That(ServerEnumValues.ParseProvider(serverValue), Is.EqualTo(FlightTaskProvider.Unknown));
        Assert.That(ServerEnumValues.ToServer(FlightTaskProvider.Unknown), Is.Null);
    }
}
