namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>The merged schema of all schema files: its types and its root operation types.</summary>
internal sealed class SchemaModel
{
    private readonly Dictionary<string, SchemaType> _types;

    public SchemaModel(Dictionary<string, SchemaType> types, SchemaType queryType, SchemaType? mutationType, SchemaType? subscriptionType)
    {
        _types = types;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
    }

    public SchemaType QueryType { get; }

    public SchemaType? MutationType { get; }

    public SchemaType? SubscriptionType { get; }

    public SchemaType? FindType(string name) => _types.TryGetValue(name, out var type) ? type : null;

    /// <summary>Lists the type names, for "did you mean" suggestions.</summary>
    public IEnumerable<string> TypeNames => _types.Keys;
}
