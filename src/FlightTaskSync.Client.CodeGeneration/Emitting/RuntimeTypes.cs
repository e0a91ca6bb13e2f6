namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>The runtime contract (src/FlightTaskSync.Client/Transport/Runtime) that generated code calls.</summary>
internal static class RuntimeTypes
{
    public const string Namespace = "global::FlightTaskSync.Client.Transport";
    public const string JsonResultReader = Namespace + ".JsonResultReader";
    public const string ResultParseException = Namespace + ".ResultParseException";
    public const string RawJsonResult = Namespace + ".IRawJsonResult";
    public const string PreserializedJsonValue = Namespace + ".IPreserializedJsonValue";
    public const string Optional = Namespace + ".Optional";
    public const string OperationRequest = Namespace + ".IOperationRequest";
    public const string OperationResult = Namespace + ".IOperationResult";
    public const string OperationResultParser = Namespace + ".IOperationResultParser";
    public const string GraphQLConnection = Namespace + ".IGraphQLConnection";
    public const string GraphQLHttpConnection = Namespace + ".GraphQLHttpConnection";
    public const string GraphQLClientBuilder = Namespace + ".GraphQLClientBuilder";

    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string ReadOnlyMemoryOfBytes = "global::System.ReadOnlyMemory<byte>";
    public const string ReadOnlySpanOfBytes = "global::System.ReadOnlySpan<byte>";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string List = "global::System.Collections.Generic.List";
}
