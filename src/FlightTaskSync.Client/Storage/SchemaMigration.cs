namespace FlightTaskSync.Client.Storage;

/// <summary>One step of the database schema.</summary>
/// <param name="Version">The <c>PRAGMA user_version</c> the database has once the step is applied.</param>
/// <param name="Description">What the step does, for people reading the list.</param>
/// <param name="Sql">The statements of the step; applied in one transaction with the version bump.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
