using System.Net;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class HttpProtocolTests
{
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 20 });
        _client = new EmulatorClient(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public void Endpoint_IsOnLoopbackWithAPickedPort()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_emulator.Endpoint.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(_emulator.Endpoint.Port, Is.GreaterThan(0));
            Assert.That(_emulator.Endpoint.AbsolutePath, Is.EqualTo("/graphql"));
            Assert.That(_emulator.Endpoint.Scheme, Is.EqualTo("http"));
        });
    }

    [Test]
    public async Task Post_ValidQuery_Answers200WithApplicationJson()
    {
        using var response = await _client.PostAsync(SyncRequests.Query("{ __typename }"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"data":{"__typename":"Query"}}"""));
    }

    [TestCase("{", TestName = "Post_BodyIsNotJson_Answers400")]
    [TestCase("[1,2]", TestName = "Post_BodyIsAnArray_Answers400")]
    [TestCase("{\"variables\":{}}", TestName = "Post_NoQuery_Answers400")]
    [TestCase("{\"query\":\"{ sync_flight_tasks(\"}", TestName = "Post_QueryDoesNotParse_Answers400")]
    public async Task Post_RequestThatCannotBeParsed_Answers400WithErrors(string body)
    {
        using var response = await _client.PostAsync(body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.RootElement.GetProperty("errors").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Post_QueryOfAnUnknownField_Answers200WithAValidationError()
    {
        var root = await _client.QueryAsync("{ flight_tasks { sentera_id } }");

        Assert.That(root.TryGetProperty("data", out _), Is.False);
        Assert.That(root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("FIELDS_ON_CORRECT_TYPE"));
    }

    [Test]
    public async Task Post_TextPlainBody_Answers415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _emulator.Endpoint)
        {
            Content = new StringContent("{ __typename }", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new("Bearer", _emulator.AccessToken);

        using var response = await _client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Get_Graphql_Answers405()
    {
        using var response = await _client.Http.GetAsync(_emulator.Endpoint);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Post_OtherPath_Answers404()
    {
        using var response = await _client.Http.PostAsync(new Uri(_emulator.Endpoint, "/api"), new StringContent("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task RequestCount_CountsEveryPostIncludingRejectedOnes()
    {
        var before = _emulator.RequestCount;

        using (await _client.PostAsync(SyncRequests.Query("{ __typename }")))
        using (await _client.PostAsync(SyncRequests.Query("{ __typename }"), token: ""))
        using (await _client.PostAsync("{"))
        {
        }

        Assert.That(_emulator.RequestCount - before, Is.EqualTo(3));
    }

    [Test]
    public async Task Post_DatesInTheAnswer_AreUtcToTheSecond()
    {
        var page = await _client.SyncAsync(_emulator.OrganizationIds[0], [], includeDescendants: true);

        var dates = page.Result.GetProperty("upserted").EnumerateArray()
            .SelectMany(t => new[] { t.GetProperty("created_at").GetString(), t.GetProperty("updated_at").GetString() });
        Assert.That(dates, Is.All.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"));
    }
}
