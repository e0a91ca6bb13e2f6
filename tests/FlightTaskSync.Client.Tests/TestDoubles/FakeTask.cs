using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>A flight task as the fake FieldAgent server holds it; its hash changes with its content.</summary>
internal sealed record FakeTask(string SenteraId, string OrganizationSenteraId, string Name, string Status = "OPEN", string? Notes = null)
{
    private static readonly DateTimeOffset Created = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Gets the content hash: 16 characters of base64, like the server's examples.</summary>
    public string ContentHash => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{SenteraId}|{OrganizationSenteraId}|{Name}|{Status}|{Notes}")), 0, 12);

    /// <summary>Writes the task as the server answers it in <c>upserted</c>.</summary>
    public void WriteUpserted(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("__typename", "FlightTask");
        writer.WriteString("sentera_id", SenteraId);
        writer.WriteString("content_hash", ContentHash);
        writer.WriteString("name", Name);
        writer.WriteString("status", Status);
        writer.WriteString("provider", "SELF");
        writer.WriteString("task_type", "FLIGHT");
        writer.WriteString("notes", Notes);
        writer.WriteString("organization_sentera_id", OrganizationSenteraId);
        WriteReference(writer, "organization", "Organization", OrganizationSenteraId);
        WriteReference(writer, "field", "Field", SenteraId.Replace("_TA_", "_AS_", StringComparison.Ordinal));
        writer.WriteNull("plan");
        writer.WriteNull("survey");
        WriteReference(writer, "assigned_to", "User", "k2x7m1q_US_8t8cAcme_CV_stag_877281e47_210503_085336");
        writer.WriteNull("completed_by");
        WriteReference(writer, "created_by", "User", "p4d9s2w_US_8t8cAcme_CV_stag_877281e47_210503_085336");
        writer.WriteNull("updated_by");
        writer.WriteString("created_at", Created.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("updated_at", Created.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("scheduled_at", Created.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteNull("targeted_at");
        writer.WriteNull("due_at");
        writer.WriteNull("started_at");
        writer.WriteNull("completed_at");
        writer.WriteNull("canceled_at");
        writer.WriteEndObject();
    }

    /// <summary>Makes an id of the real shape: <c>w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336</c>.</summary>
    public static string TaskId(int number) => $"t{number:D6}_TA_8t8cAcme_CV_stag_877281e47_210503_085336";

    /// <summary>Makes an organization id of the real shape.</summary>
    public static string OrganizationId(string name) => $"{name}_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";

    private static void WriteReference(Utf8JsonWriter writer, string field, string typename, string id)
    {
        writer.WriteStartObject(field);
        writer.WriteString("__typename", typename);
        writer.WriteString("sentera_id", id);
        writer.WriteEndObject();
    }
}
