using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Emulator.Support;

/// <summary>A plain <see cref="HttpClient"/> pointed at an emulator, with the emulator's token by default.</summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly FieldAgentEmulator _emulator;

    public EmulatorClient(FieldAgentEmulator emulator, TimeSpan? timeout = null)
    {
        _emulator = emulator;
        Http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>Posts a JSON body to the endpoint; <paramref name="token"/> null sends the emulator's current token, "" sends none.</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? token = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _emulator.Endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        token ??= _emulator.AccessToken;
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request, completion);
    }

    public async Task<SyncResponse> SyncAsync(string organizationId, IEnumerable<string> hashes, bool? includeDescendants = null, string? token = null)
    {
        using var response = await PostAsync(SyncRequests.Sync(organizationId, hashes, includeDescendants), token);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return new SyncResponse(response.StatusCode, document.RootElement.Clone());
    }

    public async Task<JsonElement> QueryAsync(string query)
    {
        using var response = await PostAsync(SyncRequests.Query(query));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Posts <c>{"query":..,"variables":..,"operationName":..}</c> and returns the parsed answer.</summary>
    public async Task<JsonElement> QueryAsync(string query, object variables, string? token = null, string? operationName = null)
    {
        using var response = await PostAsync(JsonSerializer.Serialize(new { query, variables, operationName }), token);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Runs <c>upsert_flight_tasks</c> and returns its result, failing the test on a GraphQL error.</summary>
    public Task<JsonElement> UpsertAsync(params object[] entries) => UpsertAsync(token: null, entries);

    /// <summary>Runs <c>upsert_flight_tasks</c> with a given bearer token.</summary>
    public async Task<JsonElement> UpsertAsync(string? token, params object[] entries) =>
        DataOf(await QueryAsync(MutationRequests.Upsert, new { tasks = entries }, token), "upsert_flight_tasks");

    /// <summary>Runs <c>begin_tasks</c> and returns its result, failing the test on a GraphQL error.</summary>
    public async Task<JsonElement> BeginAsync(params string[] ids) =>
        DataOf(await QueryAsync(MutationRequests.Begin, new { ids }), "begin_tasks");

    /// <summary>Runs <c>delete_tasks</c> and returns the deleted tasks, failing the test on a GraphQL error.</summary>
    public async Task<JsonElement> DeleteAsync(IEnumerable<string> ids, string? field = null) =>
        DataOf(await QueryAsync(MutationRequests.Delete, new { ids, field }), "delete_tasks");

    private static JsonElement DataOf(JsonElement root, string field)
    {
        Assert.That(root.TryGetProperty("errors", out _), Is.False, () => root.ToString());
        return root.GetProperty("data").GetProperty(field);
    }

    public void Dispose() => Http.Dispose();
}
