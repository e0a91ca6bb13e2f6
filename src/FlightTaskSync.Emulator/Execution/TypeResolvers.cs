using FlightTaskSync.Emulator.Data;
using GraphQL.Utilities;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>Resolvers of the object types: <c>FlightTask</c>, its related objects, and the results and errors of the query and the mutations.</summary>
internal static class TypeResolvers
{
    public static void Configure(TypeSettings types)
    {
        ConfigureFlightTask(types);
        ConfigureRelated(types, "Field", RelatedItemKind.Field);
        ConfigureRelated(types, "FeatureSet", RelatedItemKind.Plan);
        ConfigureRelated(types, "Survey", RelatedItemKind.Survey);

        types.Map<EmulatorUser>("User", "sentera_id", u => u.SenteraId);
        types.Map<EmulatorUser>("User", "email", u => u.Email);
        types.Map<EmulatorUser>("User", "first_name", u => u.FirstName);
        types.Map<EmulatorUser>("User", "last_name", u => u.LastName);

        types.Map<EmulatorOrganization>("Organization", "sentera_id", o => o.SenteraId);
        types.Map<EmulatorOrganization>("Organization", "name", o => o.Name);

        types.Map<SyncAnswer>("SyncResult", "upserted", a => a.Page.Upserted);
        types.Map<SyncAnswer>("SyncResult", "deleted", a => a.Page.Deleted);
        types.Map<SyncAnswer>("SyncResult", "failed", a => a.Failed);
        types.Map<SyncAnswer>("SyncResult", "remaining_count", a => a.Page.RemainingCount);

        types.Map<SyncErrorEntry>("SyncError", "key", e => e.Key);
        types.Map<SyncErrorEntry>("SyncError", "message", e => e.Message);
        types.Map<SyncErrorEntry>("SyncError", "code", e => e.Code);
        types.Map<SyncErrorEntry>("SyncError", "reason", e => e.Reason);
        types.Map<SyncErrorEntry>("SyncError", "details", e => e.Details);

        types.Map<UpsertAnswer>("UpsertResult", "succeeded", a => a.Succeeded);
        types.Map<UpsertAnswer>("UpsertResult", "failed", a => a.Failed);
        types.Map<UpsertFailure>("UpsertError", "index", f => f.Index);
        types.Map<UpsertFailure>("UpsertError", "item", f => f.Item);
        types.Map<UpsertFailure>("UpsertError", "attributes", f => f.Attributes);
        types.Map<AttributeFailure>("AttributeError", "attribute", a => a.Attribute);
        types.Map<AttributeFailure>("AttributeError", "key", a => a.Key);
        types.Map<AttributeFailure>("AttributeError", "message", a => a.Message);
        types.Map<AttributeFailure>("AttributeError", "code", a => a.Code);
        types.Map<AttributeFailure>("AttributeError", "reason", _ => null);
        types.Map<AttributeFailure>("AttributeError", "details", a => a.Details);
        types.Map<BulkUpdateAnswer>("BulkUpdateResult", "succeeded", a => a.Succeeded);
        types.Map<BulkUpdateAnswer>("BulkUpdateResult", "failed", a => a.Failed);
        types.Map<BulkUpdateFailure>("BulkUpdateError", "index", f => f.Index);
        types.Map<BulkUpdateFailure>("BulkUpdateError", "errors", f => f.Errors);
    }

    private static void ConfigureFlightTask(TypeSettings types)
    {
        const string Type = "FlightTask";
        types.For(Type).IsTypeOfFunc = source => source is HashedTask;
        types.Map<HashedTask>(Type, "sentera_id", t => t.SenteraId);
        types.Map<HashedTask>(Type, "content_hash", t => t.Hash);
        types.Map<HashedTask>(Type, "name", t => t.Task.Name);
        types.Map<HashedTask>(Type, "status", t => SchemaNames.Of(t.Task.Status));
        types.Map<HashedTask>(Type, "provider", t => SchemaNames.Of(t.Task.Provider));
        types.Map<HashedTask>(Type, "task_type", t => SchemaNames.Of(t.Task.TaskType));
        types.Map<HashedTask>(Type, "notes", t => t.Task.Notes);
        types.Map<HashedTask>(Type, "organization_sentera_id", t => t.Task.OrganizationSenteraId);
        types.Map<HashedTask>(Type, "organization", (t, state) => state.Data.GetOrganization(t.Task.OrganizationSenteraId));
        types.Map<HashedTask>(Type, "field", (t, state) => Related(state, RelatedItemKind.Field, t.Task.FieldSenteraId));
        types.Map<HashedTask>(Type, "plan", (t, state) => Related(state, RelatedItemKind.Plan, t.Task.PlanSenteraId));
        types.Map<HashedTask>(Type, "survey", (t, state) => Related(state, RelatedItemKind.Survey, t.Task.SurveySenteraId));
        types.Map<HashedTask>(Type, "assigned_to", (t, state) => User(state, t.Task.AssignedToSenteraId));
        types.Map<HashedTask>(Type, "completed_by", (t, state) => User(state, t.Task.CompletedBySenteraId));
        types.Map<HashedTask>(Type, "created_by", (t, state) => User(state, t.Task.CreatedBySenteraId));
        types.Map<HashedTask>(Type, "updated_by", (t, state) => User(state, t.Task.UpdatedBySenteraId));
        types.Map<HashedTask>(Type, "created_at", t => t.Task.CreatedAt);
        types.Map<HashedTask>(Type, "updated_at", t => t.Task.UpdatedAt);
        types.Map<HashedTask>(Type, "scheduled_at", t => t.Task.ScheduledAt);
        types.Map<HashedTask>(Type, "targeted_at", t => t.Task.TargetedAt);
        types.Map<HashedTask>(Type, "due_at", t => t.Task.DueAt);
        types.Map<HashedTask>(Type, "started_at", t => t.Task.StartedAt);
        types.Map<HashedTask>(Type, "completed_at", t => t.Task.CompletedAt);
        types.Map<HashedTask>(Type, "canceled_at", t => t.Task.CanceledAt);
    }

    private static void ConfigureRelated(TypeSettings types, string type, RelatedItemKind kind)
    {
        types.For(type).IsTypeOfFunc = source => source is RelatedItem item && item.Kind == kind;
        types.Map<RelatedItem>(type, "sentera_id", r => r.SenteraId);
        types.Map<RelatedItem>(type, "content_hash", r => r.ContentHash);
        types.Map<RelatedItem>(type, "name", r => r.Name);
        types.Map<RelatedItem>(type, "created_at", r => r.CreatedAt);
        types.Map<RelatedItem>(type, "created_by", (r, state) => state.Data.User(r.CreatedBySenteraId));
        types.Map<RelatedItem>(type, "updated_at", r => r.UpdatedAt);
        types.Map<RelatedItem>(type, "updated_by", _ => null);
    }

    private static RelatedItem? Related(RequestState state, RelatedItemKind kind, string? senteraId) =>
        senteraId is null ? null : state.Data.Related(kind, senteraId);

    private static EmulatorUser? User(RequestState state, string? senteraId) =>
        senteraId is null ? null : state.Data.User(senteraId);
}
