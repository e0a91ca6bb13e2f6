using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using FlightTaskSync.Tests.Shared;
using static FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure.ResultReflection;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Behaviour;

/// <summary>
/// The client project's three mutations (UpsertFlightTasks, BeginTasks, DeleteTasks): the request
/// each sends, built the way the push engine builds it, and the partial-success results each reads.
/// </summary>
public sealed class GeneratedMutationTests
{
    private const string UpsertResponse = """
        {"data":{"upsert_flight_tasks":{
          "succeeded":[{"__typename":"FlightTask","sentera_id":"t9","content_hash":"h9","name":"Replant check","status":"OPEN",
            "organization_sentera_id":"org","field":{"__typename":"Field","sentera_id":"f1"},
            "created_at":"2024-05-02T10:00:00Z","updated_at":"2024-05-02T10:00:01Z"}],
          "failed":[
            {"__typename":"UpsertError","index":1,"item":null,
             "attributes":[{"__typename":"AttributeError","attribute":"completed_by_sentera_id","key":"invalid","message":"is invalid","code":null,"reason":null}]},
            {"__typename":"UpsertError","index":null,"item":{"__typename":"FlightTask","sentera_id":"t2"},
             "attributes":[{"__typename":"AttributeError","attribute":null,"key":"not_found","message":"can't be found","code":"NOT_FOUND","reason":"deleted"}]}]
        }}}
        """;

    private const string BeginResponse = """
        {"data":{"begin_tasks":{"succeeded":["t1","t3"],
          "failed":[{"__typename":"BulkUpdateError","index":1,"errors":[{"__typename":"AttributeError","attribute":"status","key":"invalid","message":"cannot begin a task that is COMPLETED","code":"INVALID_STATUS"}]}]}}}
        """;

    private const string DeleteResponse = """{"data":{"delete_tasks":[{"__typename":"FlightTask","sentera_id":"t1","name":"Scout north"}]}}""";

    private static GeneratedClientAssembly Client => GeneratedClientSetUp.Client;

    [Test]
    public async Task WriteAsync_UpsertEntries_SendsSetFieldsNullsAsNullAndNothingUnset()
    {
        // Arrange: the probe's entries are a create, an update that clears notes, and a one-field update.
        const string method = "WriteUpsertVariablesAsync";

        // Act
        var json = await Client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo(
            "{\"flightTasks\":[" +
            "{\"organization_sentera_id\":\"org\",\"name\":\"Replant check\",\"field_sentera_id\":\"f1\",\"provider\":\"SELF\",\"targeted_at\":\"2024-05-02T00:00:00+00:00\"}," +
            "{\"sentera_id\":\"t1\",\"notes\":null,\"completed_by_sentera_id\":\"u1\",\"completed_at\":\"2024-05-03T14:30:00+00:00\"}," +
            "{\"sentera_id\":\"t2\",\"started_at\":\"2024-05-03T08:00:00-05:00\"}]}"));
    }

    [Test]
    public void Validate_UpsertWithANullEntry_ThrowsArgumentExceptionWithItsIndex()
    {
        // Arrange
        const string method = "ValidateUpsertWithANullEntry";

        // Act
        var exception = Assert.Throws<ArgumentException>(() => Client.Invoke(method));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception.ParamName, Is.EqualTo("flightTasks"));
            Assert.That(exception.Message, Does.StartWith("flightTasks[1] is null, but $flightTasks is declared [FlightTaskImport!]!"));
        });
    }

    [Test]
    public async Task WriteAsync_BeginAndDeleteIds_AreWrittenAsIdLists()
    {
        // Arrange
        IReadOnlyList<string> ids = ["t1", "t2"];

        // Act
        var begin = await Client.InvokeAsync("WriteBeginVariablesAsync", ids);
        var delete = await Client.InvokeAsync("WriteDeleteVariablesAsync", ids);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(begin, Is.EqualTo("{\"senteraIds\":[\"t1\",\"t2\"]}"));
            Assert.That(delete, Is.EqualTo("{\"senteraIds\":[\"t1\",\"t2\"]}"));
        });
    }

    [TestCase(
        "UpsertFlightTasks",
        "mutation UpsertFlightTasks($flightTasks:[FlightTaskImport!]!){upsert_flight_tasks(flight_tasks:$flightTasks){__typename " +
        "succeeded{__typename sentera_id content_hash name status organization_sentera_id field{__typename sentera_id} created_at updated_at} " +
        "failed{__typename index item{__typename sentera_id} attributes{__typename attribute key message code reason}}}}")]
    [TestCase(
        "BeginTasks",
        "mutation BeginTasks($senteraIds:[ID!]!){begin_tasks(sentera_ids:$senteraIds){__typename succeeded failed{__typename index errors{__typename attribute key message code details}}}}")]
    [TestCase(
        "DeleteTasks",
        "mutation DeleteTasks($senteraIds:[ID!]!){delete_tasks(sentera_ids:$senteraIds){__typename sentera_id name}}")]
    public void Document_Mutation_IsTheOperationOnOneLine(string operation, string expected)
    {
        // Arrange
        const string method = "DocumentOf";

        // Act
        var document = Client.Invoke(method, operation);

        // Assert
        Assert.That(document, Is.EqualTo(expected));
    }

    [Test]
    public async Task ExecuteAsync_Upsert_SendsTheMutationAndReadsSucceededAndFailedEntries()
    {
        // Arrange
        using var request = new WriteCountingStream();

        // Act
        var data = await Client.InvokeAsync("ExecuteMutationThroughServicesAsync", "UpsertFlightTasks", Encoding.UTF8.GetBytes(UpsertResponse), request);

        // Assert
        using var sent = JsonDocument.Parse(request.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(sent.RootElement.GetProperty("operationName").GetString(), Is.EqualTo("UpsertFlightTasks"));
            Assert.That(sent.RootElement.GetProperty("query").GetString(), Does.StartWith("mutation UpsertFlightTasks("));
            Assert.That(sent.RootElement.GetProperty("variables").GetProperty("flightTasks").GetArrayLength(), Is.EqualTo(3));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Sentera_id"), Is.EqualTo("t9"));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Content_hash"), Is.EqualTo("h9"));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Name"), Is.EqualTo("Replant check"));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Status")!.ToString(), Is.EqualTo("Open"));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Organization_sentera_id"), Is.EqualTo("org"));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Field.Sentera_id"), Is.EqualTo("f1"));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Created_at"), Is.EqualTo(new DateTimeOffset(2024, 5, 2, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(At(data!, "Upsert_flight_tasks.Succeeded[0].Updated_at"), Is.EqualTo(new DateTimeOffset(2024, 5, 2, 10, 0, 1, TimeSpan.Zero)));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[0].Index"), Is.EqualTo(1));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[0].Item"), Is.Null);
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[0].Attributes[0].Attribute"), Is.EqualTo("completed_by_sentera_id"));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[0].Attributes[0].Key"), Is.EqualTo("invalid"));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[0].Attributes[0].Message"), Is.EqualTo("is invalid"));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[1].Index"), Is.Null);
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[1].Item.Sentera_id"), Is.EqualTo("t2"));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[1].Attributes[0].Attribute"), Is.Null);
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[1].Attributes[0].Code"), Is.EqualTo("NOT_FOUND"));
            Assert.That(At(data!, "Upsert_flight_tasks.Failed[1].Attributes[0].Reason"), Is.EqualTo("deleted"));
        });
    }

    [Test]
    public async Task ExecuteAsync_Begin_ReadsSucceededIdsAndFailedIndexes()
    {
        // Arrange
        using var request = new WriteCountingStream();

        // Act
        var data = await Client.InvokeAsync("ExecuteMutationThroughServicesAsync", "BeginTasks", Encoding.UTF8.GetBytes(BeginResponse), request);

        // Assert
        using var sent = JsonDocument.Parse(request.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(sent.RootElement.GetProperty("operationName").GetString(), Is.EqualTo("BeginTasks"));
            Assert.That(sent.RootElement.GetProperty("variables").GetRawText(), Is.EqualTo("{\"senteraIds\":[\"t1\",\"t2\",\"t3\"]}"));
            Assert.That(At(data!, "Begin_tasks.Succeeded"), Is.EqualTo(new[] { "t1", "t3" }));
            Assert.That(At(data!, "Begin_tasks.Failed[0].Index"), Is.EqualTo(1));
            Assert.That(At(data!, "Begin_tasks.Failed[0].Errors[0].Attribute"), Is.EqualTo("status"));
            Assert.That(At(data!, "Begin_tasks.Failed[0].Errors[0].Key"), Is.EqualTo("invalid"));
            Assert.That(At(data!, "Begin_tasks.Failed[0].Errors[0].Message"), Is.EqualTo("cannot begin a task that is COMPLETED"));
            Assert.That(At(data!, "Begin_tasks.Failed[0].Errors[0].Code"), Is.EqualTo("INVALID_STATUS"));
        });
    }

    [TestCase(DeleteResponse, 1)]
    [TestCase("""{"data":{"delete_tasks":null}}""", null)]
    public async Task ExecuteAsync_Delete_ReadsTheDeletedTasksOrNull(string response, int? expectedCount)
    {
        // Arrange
        using var request = new WriteCountingStream();

        // Act
        var data = await Client.InvokeAsync("ExecuteMutationThroughServicesAsync", "DeleteTasks", Encoding.UTF8.GetBytes(response), request);

        // Assert
        using var sent = JsonDocument.Parse(request.ToArray());
        var deleted = (System.Collections.ICollection?)At(data!, "Delete_tasks");
        Assert.Multiple(() =>
        {
            Assert.That(sent.RootElement.GetProperty("variables").GetRawText(), Is.EqualTo("{\"senteraIds\":[\"t1\",\"t4\"]}"));
            Assert.That(deleted?.Count, Is.EqualTo(expectedCount));
        });
        if (expectedCount is not null)
        {
            Assert.Multiple(() =>
            {
                Assert.That(At(data!, "Delete_tasks[0].Sentera_id"), Is.EqualTo("t1"));
                Assert.That(At(data!, "Delete_tasks[0].Name"), Is.EqualTo("Scout north"));
            });
        }
    }
}
