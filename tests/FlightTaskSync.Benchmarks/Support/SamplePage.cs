using System.Net.Http.Headers;
using FlightTaskSync.Client;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Transport;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>
/// A real first page of <c>sync_flight_tasks</c> as the emulator serves it (2,000 tasks by
/// default), and the tasks the SDK reads from it. Fetched once per process.
/// </summary>
internal sealed class SamplePage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SamplePage? _loaded;

    private SamplePage(byte[] body, IReadOnlyList<FlightTask> tasks)
    {
        Body = body;
        Tasks = tasks;
    }

    /// <summary>Gets the whole response body, as sent over HTTP.</summary>
    public byte[] Body { get; }

    /// <summary>Gets the page's tasks, as the sync engine hands them to the store.</summary>
    public IReadOnlyList<FlightTask> Tasks { get; }

    /// <summary>Gets the page of 2,000 tasks, fetching it from an emulator on first use.</summary>
    public static async Task<SamplePage> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _loaded ??= await FetchAsync(2000);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<SamplePage> FetchAsync(int taskCount)
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = taskCount, PageSize = taskCount });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Endpoint)
        {
            Content = new ByteArrayContent(SyncRequestBody.Create(emulator.OrganizationIds[0], [], includeDescendants: true)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.AccessToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return new SamplePage(body, ReadTasks(body));
    }

    /// <summary>Reads a response body the way the SDK does (the sync's page parser), as public model tasks.</summary>
    public static IReadOnlyList<FlightTask> ReadTasks(byte[] body)
    {
        using var page = Parse(body);
        return [.. page.Upserted.Select(ToTask)];
    }

    /// <summary>Reads a response body into the rows the store writes, as the sync does; dispose the page after.</summary>
    public static SyncPage Parse(byte[] body)
    {
        var result = GraphQLResponseReader.Read(body, new SyncPageParser(1));
        var page = result.Data ?? throw new InvalidOperationException($"The sample page has no data: {string.Join("; ", result.Errors)}");
        return page.Problem is null ? page : throw new InvalidOperationException($"The sample page is refused: {page.Problem}");
    }

    private static FlightTask ToTask(TaskRow row) => new()
    {
        SenteraId = row.SenteraId,
        ContentHash = row.ContentHash,
        Name = row.Name,
        Status = ServerEnumValues.ParseStatus(row.Status),
        StatusValue = row.Status,
        Provider = ServerEnumValues.ParseProvider(row.Provider),
        Notes = row.Notes,
        OrganizationSenteraId = row.OrganizationSenteraId,
        FieldSenteraId = row.FieldSenteraId,
        PlanSenteraId = row.PlanSenteraId,
        SurveySenteraId = row.SurveySenteraId,
        AssignedToSenteraId = row.AssignedToSenteraId,
        CompletedBySenteraId = row.CompletedBySenteraId,
        CreatedBySenteraId = row.CreatedBySenteraId,
        UpdatedBySenteraId = row.UpdatedBySenteraId,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ScheduledAt = row.ScheduledAt,
        TargetedAt = row.TargetedAt,
        DueAt = row.DueAt,
        StartedAt = row.StartedAt,
        CompletedAt = row.CompletedAt,
        CanceledAt = row.CanceledAt,
        RawJson = System.Text.Encoding.UTF8.GetString(row.RawJson.Span),
    };
}
