using System.Text;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Behaviour;

/// <summary>Response bodies for the SyncFlightTasks operation, as the server answers its generated document.</summary>
internal static class SyncPages
{
    public const string TaskId = "w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336";
    public const string OrganizationId = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";

    /// <summary>A FlightTask with every field the operation selects.</summary>
    public const string FlightTask = """
        {
              "__typename": "FlightTask",
              "sentera_id": "w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336",
              "content_hash": "XWbX2szIhrApOpVW",
              "name": "North pivot, June flight",
              "status": "FLIGHT_COMPLETED",
              "provider": "SENTERA",
              "task_type": "FLIGHT",
              "notes": null,
              "organization_sentera_id": "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333",
              "organization": { "__typename": "Organization", "sentera_id": "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333" },
              "field": { "__typename": "Field", "sentera_id": "k3m2x9q_AS_8t8cAcme_CV_stag_877281e47_210503_085401" },
              "plan": null,
              "survey": null,
              "assigned_to": null,
              "completed_by": { "__typename": "User", "sentera_id": "p0q9r8s_US_8t8cAcme_CV_stag_877281e47_210503_085502" },
              "created_by": { "__typename": "User", "sentera_id": "p0q9r8s_US_8t8cAcme_CV_stag_877281e47_210503_085502" },
              "updated_by": null,
              "created_at": "2022-02-03T20:26:43Z",
              "updated_at": "2022-02-04T08:00:00Z",
              "scheduled_at": null,
              "targeted_at": "2022-02-10T00:00:00Z",
              "due_at": null,
              "started_at": null,
              "completed_at": "2022-02-04T07:59:00Z",
              "canceled_at": null
            }
        """;

    /// <summary>A page with one upserted task, one deleted task and one failure.</summary>
    public static string Page(string upsertedItem = FlightTask) => $$"""
        {
          "data": {
            "sync_flight_tasks": {
              "__typename": "SyncResult",
              "remaining_count": 102,
              "failed": [
                { "__typename": "SyncError", "key": "hash_mismatch", "message": "The hash is not known", "code": "HASH_MISMATCH", "reason": null, "details": { "hash": "abc", "retry": false } }
              ],
              "deleted": [
                { "__typename": "FlightTask", "sentera_id": "dfaxv57_TA_SHORT1_CV_stag_dc0d87d_170907_235328", "content_hash": "DwnxuWkm8Lo6bC5R" }
              ],
              "upserted": [
                {{upsertedItem}}
              ]
            }
          }
        }
        """;

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
