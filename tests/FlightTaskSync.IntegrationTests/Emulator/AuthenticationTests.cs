using System.Net;
using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class AuthenticationTests
{
    [TestCase("", "Bearer")]
    [TestCase("not-the-token", "Bearer error=\"invalid_token\"")]
    public async Task Post_MissingOrWrongToken_Answers401WithUnauthenticated(string token, string challenge)
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 3 });
        using var client = new EmulatorClient(emulator);

        using var response = await client.PostAsync(SyncRequests.Sync(emulator.OrganizationIds[0], []), token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo(challenge));
            Assert.That(body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("UNAUTHENTICATED"));
        });
    }

    [Test]
    public async Task Post_GivenTokenOption_AcceptsThatToken()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 3, AccessToken = "let-me-in" });
        using var client = new EmulatorClient(emulator);

        var page = await client.SyncAsync(emulator.OrganizationIds[0], [], includeDescendants: true, token: "let-me-in");

        Assert.That(emulator.AccessToken, Is.EqualTo("let-me-in"));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Upserted, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Post_TokenOlderThanItsLifetime_Answers401AndAFreshTokenIsAccepted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions
        {
            TaskCount = 3,
            TimeProvider = time,
            TokenLifetime = TimeSpan.FromHours(8),
        });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var first = emulator.AccessToken;

        time.Advance(TimeSpan.FromHours(7));
        var beforeExpiry = await client.SyncAsync(organization, [], token: first);
        var refreshed = emulator.IssueToken();
        var oldAfterRefresh = await client.SyncAsync(organization, [], token: first);
        time.Advance(TimeSpan.FromHours(1));
        var oldExpired = await client.SyncAsync(organization, [], token: first);
        var fresh = await client.SyncAsync(organization, [], token: refreshed);

        Assert.Multiple(() =>
        {
            Assert.That(refreshed, Is.Not.EqualTo(first));
            Assert.That(emulator.AccessToken, Is.EqualTo(refreshed));
            Assert.That(beforeExpiry.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(oldAfterRefresh.Status, Is.EqualTo(HttpStatusCode.OK), "the old token stays valid until it expires");
            Assert.That(oldExpired.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(oldExpired.FirstErrorCode, Is.EqualTo("UNAUTHENTICATED"));
            Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Post_SchemeInLowerCase_IsAccepted()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 1 });
        using var client = new EmulatorClient(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Endpoint)
        {
            Content = new StringContent(SyncRequests.Sync(emulator.OrganizationIds[0], []), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + emulator.AccessToken);

        using var response = await client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
