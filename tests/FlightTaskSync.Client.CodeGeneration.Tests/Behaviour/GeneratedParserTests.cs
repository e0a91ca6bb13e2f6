using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using static FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure.ResultReflection;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Behaviour;

public sealed class GeneratedParserTests
{
    private static GeneratedClientAssembly Client => GeneratedClientSetUp.Client;

    [Test]
    public void Parse_ApiReferenceExampleResponse_ReadsEveryValue()
    {
        // Arrange: the example response, as the server answers the generated document (which asks for __typename).
        var body = File.ReadAllBytes(TestInputs.TestDataPath("sync_flight_tasks.example-response.with-typename.json"));

        // Act
        var data = Client.Invoke("ParseExampleData", body)!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(At(data, "Sync_flight_tasks.Remaining_count"), Is.EqualTo(102));
            Assert.That(Count(data, "Sync_flight_tasks.Upserted"), Is.EqualTo(1));
            Assert.That(At(data, "Sync_flight_tasks.Upserted[0]")!.GetType().Name, Is.EqualTo("SyncOrganizationFlightTasks_Sync_flight_tasks_Upserted_FlightTask"));
            Assert.That(At(data, "Sync_flight_tasks.Upserted[0].__typename"), Is.EqualTo("FlightTask"));
            Assert.That(At(data, "Sync_flight_tasks.Upserted[0].Sentera_id"), Is.EqualTo("w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336"));
            Assert.That(At(data, "Sync_flight_tasks.Upserted[0].Content_hash"), Is.EqualTo("XWbX2szIhrApOpVW"));
            Assert.That(At(data, "Sync_flight_tasks.Upserted[0].Status")!.ToString(), Is.EqualTo("Open"));
            Assert.That(Count(data, "Sync_flight_tasks.Deleted"), Is.EqualTo(1));
            Assert.That(At(data, "Sync_flight_tasks.Deleted[0].Sentera_id"), Is.EqualTo("dfaxv57_TA_SHORT1_CV_stag_dc0d87d_170907_235328"));
            Assert.That(At(data, "Sync_flight_tasks.Deleted[0].Content_hash"), Is.EqualTo("DwnxuWkm8Lo6bC5R"));
        });
    }

    [Test]
    public void Parse_ExampleResponseWithoutTypename_ThrowsNamingTheMissingTypename()
    {
        // Arrange: the example response exactly as published, for a query that did not ask for __typename.
        var body = File.ReadAllBytes(TestInputs.TestDataPath("sync_flight_tasks.example-response.json"));

        // Act
        var exception = Assert.Catch(() => Client.Invoke("ParseExampleData", body));

        // Assert
        Assert.That(exception, Has.Property("Message").EqualTo("sync_flight_tasks.upserted[0].__typename: the field is required but missing from the response"));
        Assert.That(exception!.GetType().Name, Is.EqualTo("ResultParseException"));
    }

    [Test]
    public void Parse_FullPage_ReadsEveryFieldOfTheTask()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page());

        // Act
        var data = Client.Invoke("ParseData", body)!;

        // Assert
        var task = At(data, "Sync_flight_tasks.Upserted[0]")!;
        Assert.Multiple(() =>
        {
            Assert.That(task.GetType().Name, Is.EqualTo("SyncFlightTasks_Sync_flight_tasks_Upserted_FlightTask"));
            Assert.That(Get(task, "Name"), Is.EqualTo("North pivot, June flight"));
            Assert.That(Get(task, "Status")!.ToString(), Is.EqualTo("FlightCompleted"));
            Assert.That(Get(task, "Provider")!.ToString(), Is.EqualTo("Sentera"));
            Assert.That(Get(task, "Task_type")!.ToString(), Is.EqualTo("Flight"));
            Assert.That(Get(task, "Notes"), Is.Null);
            Assert.That(Get(task, "Organization_sentera_id"), Is.EqualTo(SyncPages.OrganizationId));
            Assert.That(At(task, "Organization.Sentera_id"), Is.EqualTo(SyncPages.OrganizationId));
            Assert.That(At(task, "Field.Sentera_id"), Is.EqualTo("k3m2x9q_AS_8t8cAcme_CV_stag_877281e47_210503_085401"));
            Assert.That(Get(task, "Plan"), Is.Null);
            Assert.That(At(task, "Created_by.__typename"), Is.EqualTo("User"));
            Assert.That(Get(task, "Created_at"), Is.EqualTo(new DateTimeOffset(2022, 2, 3, 20, 26, 43, TimeSpan.Zero)));
            Assert.That(Get(task, "Targeted_at"), Is.EqualTo(new DateTimeOffset(2022, 2, 10, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(Get(task, "Due_at"), Is.Null);
            Assert.That(At(data, "Sync_flight_tasks.Failed[0].Key"), Is.EqualTo("hash_mismatch"));
            Assert.That(At(data, "Sync_flight_tasks.Failed[0].Reason"), Is.Null);
            Assert.That(((JsonElement)At(data, "Sync_flight_tasks.Failed[0].Details")!).GetProperty("hash").GetString(), Is.EqualTo("abc"));
        });
    }

    [Test]
    public void Parse_StatusTheClientDoesNotKnow_MapsToUnknown()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"FLIGHT_COMPLETED\"", "\"ARCHIVED\"", StringComparison.Ordinal));

        // Act
        var data = Client.Invoke("ParseData", body)!;

        // Assert
        Assert.That(At(data, "Sync_flight_tasks.Upserted[0].Status")!.ToString(), Is.EqualTo("Unknown"));
    }

    [Test]
    public void Parse_TypenameTheClientDoesNotKnow_KeepsTheSharedFieldsInTheUnknownType()
    {
        // Arrange
        const string mission = """{ "__typename": "Mission", "sentera_id": "m1_MI_x", "content_hash": "hashOfMission000", "goal": "map" }""";
        var body = SyncPages.Utf8(SyncPages.Page(mission));

        // Act
        var item = At(Client.Invoke("ParseData", body)!, "Sync_flight_tasks.Upserted[0]")!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(item.GetType().Name, Is.EqualTo("SyncFlightTasks_Sync_flight_tasks_Upserted_Unknown"));
            Assert.That(Get(item, "__typename"), Is.EqualTo("Mission"));
            Assert.That(Get(item, "Sentera_id"), Is.EqualTo("m1_MI_x"));
            Assert.That(Get(item, "Content_hash"), Is.EqualTo("hashOfMission000"));
        });
    }

    [Test]
    public void Parse_ObjectWhoseTypenameDiffersFromTheSchema_KeepsTheSchemaType()
    {
        // Arrange: SyncResult's name is inferred; the server may call it something else.
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"SyncResult\"", "\"SyncFlightTasksPayload\"", StringComparison.Ordinal));

        // Act
        var page = At(Client.Invoke("ParseData", body)!, "Sync_flight_tasks")!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(page.GetType().Name, Is.EqualTo("SyncFlightTasks_Sync_flight_tasks_SyncResult"));
            Assert.That(Get(page, "__typename"), Is.EqualTo("SyncFlightTasksPayload"));
        });
    }

    [Test]
    public void Parse_MissingRequiredField_MessageNamesItsPath()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"content_hash\": \"XWbX2szIhrApOpVW\",", string.Empty, StringComparison.Ordinal));

        // Act
        var exception = Assert.Catch(() => Client.Invoke("ParseData", body));

        // Assert
        Assert.That(exception, Has.Property("Message").EqualTo("sync_flight_tasks.upserted[0].content_hash: the field is required but missing from the response"));
    }

    [Test]
    public void Parse_NullForNonNullField_MessageNamesItsPath()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"name\": \"North pivot, June flight\"", "\"name\": null", StringComparison.Ordinal));

        // Act
        var exception = Assert.Catch(() => Client.Invoke("ParseData", body));

        // Assert
        Assert.That(exception, Has.Property("Message").EqualTo("sync_flight_tasks.upserted[0].name: the schema declares this field non-null but the response has null"));
    }

    [Test]
    public void Parse_ValueOfTheWrongJsonType_MessageNamesItsPath()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"remaining_count\": 102", "\"remaining_count\": \"many\"", StringComparison.Ordinal));

        // Act
        var exception = Assert.Catch(() => Client.Invoke("ParseData", body));

        // Assert
        Assert.That(exception, Has.Property("Message").EqualTo("sync_flight_tasks.remaining_count: expected a 32-bit integer but the response has the string 'many'"));
    }

    [Test]
    public void Parse_NestedValueOfTheWrongType_MessageNamesTheWholePath()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"created_at\": \"2022-02-03T20:26:43Z\"", "\"created_at\": \"yesterday\"", StringComparison.Ordinal));

        // Act
        var exception = Assert.Catch(() => Client.Invoke("ParseData", body));

        // Assert
        Assert.That(exception, Has.Property("Message").EqualTo("sync_flight_tasks.upserted[0].created_at: 'yesterday' is not an ISO 8601 date and time"));
    }

    [Test]
    public void Parse_EnumValueThatIsNotAString_MessageNamesItsPath()
    {
        // Arrange
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"FLIGHT_COMPLETED\"", "4", StringComparison.Ordinal));

        // Act
        var exception = Assert.Catch(() => Client.Invoke("ParseData", body));

        // Assert
        Assert.That(exception, Has.Property("Message").EqualTo("sync_flight_tasks.upserted[0].status: expected a TaskStatus value (a string) but the response has the number 4"));
    }

    [Test]
    public void Parse_NullableFieldsMissing_AreNull()
    {
        // Arrange: no "failed" list and no "notes" at all.
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"notes\": null,", string.Empty, StringComparison.Ordinal)
            .Replace("\"failed\": [\n", "\"ignored\": [\n", StringComparison.Ordinal));

        // Act
        var data = Client.Invoke("ParseData", body)!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(At(data, "Sync_flight_tasks.Failed"), Is.Null);
            Assert.That(At(data, "Sync_flight_tasks.Upserted[0].Notes"), Is.Null);
        });
    }

    [Test]
    public void Parse_PropertiesTheOperationDidNotSelect_AreSkipped()
    {
        // Arrange
        var extra = "\"flight_specifications\": { \"altitude\": [1, 2, { \"deep\": [] }] }, \"orders\": [], \"sentera_id\"";
        var body = SyncPages.Utf8(SyncPages.Page().Replace("\"sentera_id\"", extra, StringComparison.Ordinal));

        // Act
        var data = Client.Invoke("ParseData", body)!;

        // Assert
        Assert.That(At(data, "Sync_flight_tasks.Upserted[0].Sentera_id"), Is.EqualTo(SyncPages.TaskId));
    }

    [Test]
    public void Parse_UpsertedItem_RawJsonIsTheExactBytesOfTheItem()
    {
        // Arrange
        var json = SyncPages.Page();
        using var document = JsonDocument.Parse(json);
        var expected = document.RootElement.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("upserted")[0].GetRawText();

        // Act
        var rawJson = (ReadOnlyMemory<byte>)At(Client.Invoke("ParseData", SyncPages.Utf8(json))!, "Sync_flight_tasks.Upserted[0].RawJson")!;

        // Assert
        Assert.That(Encoding.UTF8.GetString(rawJson.Span), Is.EqualTo(expected));
    }
}
