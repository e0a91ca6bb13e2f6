using System.Net;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FlightTaskSync.Client.Tests.Transport;

/// <summary>The generated FieldAgent client, registered as StrawberryShake's would be, against WireMock.Net.</summary>
public sealed class FieldAgentClientTests
{
    // The request/response example of the server's own description of sync_flight_tasks: its ids, hashes, status and
    // remaining count, with the fields and __typename the SDK's operation selects.
    private const string SeedExampleResponse = """
        {
          "data": {
            "sync_flight_tasks": {
              "__typename": "SyncResult",
              "remaining_count": 102,
              "failed": null,
              "upserted": [
                {
                  "__typename": "FlightTask",
                  "sentera_id": "w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336",
                  "content_hash": "XWbX2szIhrApOpVW",
                  "name": "North field stand count",
                  "status": "OPEN",
                  "provider": "SELF",
                  "task_type": "FLIGHT",
                  "notes": null,
                  "organization_sentera_id": "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333",
                  "organization": { "__typename": "Organization", "sentera_id": "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333" },
                  "field": null, "plan": null, "survey": null, "assigned_to": null, "completed_by": null,
                  "created_by": { "__typename": "User", "sentera_id": "p4d9s2w_US_8t8cAcme_CV_stag_877281e47_210503_085336" },
                  "updated_by": null,
                  "created_at": "2022-02-03T20:26:43Z",
                  "updated_at": "2022-02-04T08:00:00Z",
                  "scheduled_at": null, "targeted_at": null, "due_at": null,
                  "started_at": null, "completed_at": null, "canceled_at": null
                }
              ],
              "deleted": [
                {
                  "__typename": "FlightTask",
                  "sentera_id": "dfaxv57_TA_SHORT1_CV_stag_dc0d87d_170907_235328",
                  "content_hash": "DwnxuWkm8Lo6bC5R"
                }
              ]
            }
          }
        }
        """;

    private static readonly string[] SeedHashes =
    [
        "xdNDk/aet07YA1pi", "/h9Kp8h1wLAR77g6", "pZCIzimW+sJQ1tPP", "zShxQoCpBmIvKQzg", "qYcc+5d0r6xXrJ+B",
        "1RUHdRg7eewn5Ytc", "jut/CTgwHV4nPhHU", "3mT/9ITHMbrufod3", "Frw7c/jWXG0DGhDp", "szY6ppzZ4mJKUK//",
        "szOWioO7aPh41tns", "aHhl10uJY5pP8x5Y", "s8O1QwaYex8nMGIt", "2iZuIOjIq9GToC1k", "nZ21khXOu5k96QNW",
    ];

    private WireMockServer _server = null!;
    private ServiceProvider _services = null!;

    private IFieldAgentClient Client => _services.GetRequiredService<IFieldAgentClient>();

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        var services = new ServiceCollection();
        services.AddFieldAgentClient().ConfigureHttpClient(
            client => client.BaseAddress = _server.GraphQLEndpoint(),
            http => http.AddHttpMessageHandler(() => new BearerTokenHandler(_ => Task.FromResult("field-token"))));
        _services = services.BuildServiceProvider();
    }

    [TearDown]
    public async Task Stop()
    {
        await _services.DisposeAsync();
        _server.Stop();
        _server.Dispose();
    }

    [Test]
    public async Task SyncFlightTasks_Request_CarriesOperationVariablesAndBearerToken()
    {
        Respond(200, SeedExampleResponse);

        await Client.SyncFlightTasks.ExecuteAsync("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333", SeedHashes, includeDescendantOrganizations: true);

        var request = _server.LogEntries.Single().RequestMessage;
        using var body = JsonDocument.Parse(request.Body!);
        var variables = body.RootElement.GetProperty("variables");
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo("Bearer field-token"));
            Assert.That(body.RootElement.GetProperty("operationName").GetString(), Is.EqualTo("SyncFlightTasks"));
            Assert.That(body.RootElement.GetProperty("query").GetString(), Does.Contain("sync_flight_tasks(").And.Contain("__typename"));
            Assert.That(variables.GetProperty("organizationSenteraId").GetString(), Is.EqualTo("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333"));
            Assert.That(variables.GetProperty("contentHashes").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(SeedHashes));
            Assert.That(variables.GetProperty("includeDescendantOrganizations").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task SyncFlightTasks_SeedExample_ParsesEveryValue()
    {
        Respond(200, SeedExampleResponse);

        var result = await Client.SyncFlightTasks.ExecuteAsync("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333", SeedHashes);

        var page = result.EnsureNoErrors().Sync_flight_tasks;
        var task = (ISyncFlightTasks_Sync_flight_tasks_Upserted_FlightTask)page.Upserted.Single();
        var deleted = page.Deleted.Single();
        Assert.Multiple(() =>
        {
            Assert.That(page.Remaining_count, Is.EqualTo(102));
            Assert.That(page.Failed, Is.Null);
            Assert.That(task.Sentera_id, Is.EqualTo("w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336"));
            Assert.That(task.Content_hash, Is.EqualTo("XWbX2szIhrApOpVW"));
            Assert.That(task.Status, Is.EqualTo(FieldAgentTaskStatus.Open));
            Assert.That(task.Provider, Is.EqualTo(TaskProvider.Self));
            Assert.That(task.Name, Is.EqualTo("North field stand count"));
            Assert.That(task.Notes, Is.Null);
            Assert.That(task.Organization?.Sentera_id, Is.EqualTo("ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333"));
            Assert.That(task.Created_by.Sentera_id, Is.EqualTo("p4d9s2w_US_8t8cAcme_CV_stag_877281e47_210503_085336"));
            Assert.That(task.Created_at, Is.EqualTo(new DateTimeOffset(2022, 2, 3, 20, 26, 43, TimeSpan.Zero)));
            Assert.That(task.Scheduled_at, Is.Null);
            Assert.That(deleted.Sentera_id, Is.EqualTo("dfaxv57_TA_SHORT1_CV_stag_dc0d87d_170907_235328"));
            Assert.That(deleted.Content_hash, Is.EqualTo("DwnxuWkm8Lo6bC5R"));
            Assert.That(JsonDocument.Parse(task.RawJson).RootElement.GetProperty("content_hash").GetString(), Is.EqualTo("XWbX2szIhrApOpVW"));
        });
    }

    [Test]
    public async Task SyncFlightTasks_FailedAsAList_ReadsEachEntry()
    {
        Respond(200, SeedExampleResponse.Replace("\"failed\": null", """
            "failed": [
              { "__typename": "SyncError", "key": "task_skipped", "message": "Task skipped", "code": "SKIPPED", "reason": "locked", "details": { "ids": [1, 2] } },
              { "__typename": "SyncError", "key": "other", "message": "Other", "code": null, "reason": null, "details": null }
            ]
            """, StringComparison.Ordinal));

        var result = await Client.SyncFlightTasks.ExecuteAsync("org", []);

        var failed = result.EnsureNoErrors().Sync_flight_tasks.Failed!;
        Assert.Multiple(() =>
        {
            Assert.That(failed, Has.Count.EqualTo(2));
            Assert.That(failed[0].Key, Is.EqualTo("task_skipped"));
            Assert.That(failed[0].Code, Is.EqualTo("SKIPPED"));
            Assert.That(failed[0].Reason, Is.EqualTo("locked"));
            Assert.That(failed[0].Details?.GetProperty("ids").GetArrayLength(), Is.EqualTo(2));
            Assert.That(failed[1].Code, Is.Null);
        });
    }

    [Test]
    public async Task SyncFlightTasks_ErrorsArray_LandsInErrors()
    {
        Respond(200, """{"errors":[{"message":"Not authorized to access organization","extensions":{"code":"FORBIDDEN"}}],"data":null}""");

        var result = await Client.SyncFlightTasks.ExecuteAsync("org", []);

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Code, Is.EqualTo("FORBIDDEN"));
        });
    }

    [TestCase(500, null)]
    [TestCase(500, """{"errors":[{"message":"boom"}]}""")]
    [TestCase(429, null)]
    [TestCase(429, """{"errors":[{"message":"slow down"}]}""")]
    public async Task SyncFlightTasks_FailedStatus_LandsInErrorsWithTheStatus(int status, string? body)
    {
        Respond(status, body, retryAfter: status == 429 ? "12" : null);

        var result = await Client.SyncFlightTasks.ExecuteAsync("org", []);

        var httpError = result.Errors[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(httpError.StatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(httpError.RetryAfter, Is.EqualTo(status == 429 ? TimeSpan.FromSeconds(12) : null));
            Assert.That(result.Errors, Has.Count.EqualTo(body is null ? 1 : 2));
        });
    }

    [TestCase("""{"data":{"sync_flight_tasks":{"remaining_count":""", ClientErrorCodes.ResponseNotJson)]
    [TestCase("", ClientErrorCodes.ResponseNotJson)]
    [TestCase("""{"data":{"sync_flight_tasks":{"__typename":"SyncResult","remaining_count":"many","failed":null,"deleted":[],"upserted":[]}}}""", ClientErrorCodes.ResponseInvalid)]
    public async Task SyncFlightTasks_BadBody_LandsInErrors(string body, string code)
    {
        Respond(200, body);

        var result = await Client.SyncFlightTasks.ExecuteAsync("org", []);

        Assert.That(result.Errors.Single().Code, Is.EqualTo(code));
    }

    [Test]
    public async Task SyncFlightTasks_LoneSurrogateInAString_LandsInErrorsAsInvalid()
    {
        Respond(200, SeedExampleResponse.Replace("North field stand count", "North \\ud800 field", StringComparison.Ordinal));

        var result = await Client.SyncFlightTasks.ExecuteAsync("org", []);

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseInvalid));
        });
    }

    [Test]
    public async Task SyncFlightTasks_UnknownStatus_MapsToUnknown()
    {
        Respond(200, SeedExampleResponse.Replace("\"status\": \"OPEN\"", "\"status\": \"AWAITING_PERMIT\"", StringComparison.Ordinal));

        var result = await Client.SyncFlightTasks.ExecuteAsync("org", []);

        var task = (ISyncFlightTasks_Sync_flight_tasks_Upserted_FlightTask)result.EnsureNoErrors().Sync_flight_tasks.Upserted[0];
        Assert.That(task.Status, Is.EqualTo(FieldAgentTaskStatus.Unknown));
    }

    private void Respond(int status, string? body, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(Encoding.UTF8.GetBytes(body));
        }

        _server.Given(Request.Create().WithPath("/graphql").UsingPost()).RespondWith(response);
    }
}
