namespace FlightTaskSync.IntegrationTests.Emulator.Support;

/// <summary>Hand-written documents of the three mutations, selecting what the tests check.</summary>
internal static class MutationRequests
{
    public const string Upsert = """
        mutation Upsert($tasks: [FlightTaskImport!]!) {
          upsert_flight_tasks(flight_tasks: $tasks) {
            succeeded {
              sentera_id content_hash name notes status provider organization_sentera_id
              field { sentera_id } plan { sentera_id } survey { sentera_id } assigned_to { sentera_id }
              created_by { sentera_id } updated_by { sentera_id } completed_by { sentera_id }
              created_at updated_at started_at completed_at canceled_at
            }
            failed { index item { sentera_id content_hash } attributes { attribute key message code details } }
          }
        }
        """;

    public const string Begin = """
        mutation Begin($ids: [ID!]!) {
          begin_tasks(sentera_ids: $ids) {
            succeeded
            failed { index errors { attribute key message code details } }
          }
        }
        """;

    public const string Delete = """
        mutation Delete($ids: [ID!]!, $field: ID) {
          delete_tasks(sentera_ids: $ids, field_sentera_id: $field) { sentera_id name content_hash }
        }
        """;

    /// <summary>A sync and a mutation in one document: which one runs is chosen by operationName.</summary>
    public const string SyncOrBegin = """
        query Sync($org: ID!) { sync_flight_tasks(organization_sentera_id: $org, content_hashes: []) { remaining_count } }
        mutation Begin($ids: [ID!]!) { begin_tasks(sentera_ids: $ids) { succeeded } }
        """;
}
