using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// The schema the emulator serves: the SDK's <c>schema.graphql</c> (embedded, schema-first),
/// with resolvers bound by field name. Built once per process; it holds no data (each request
/// brings its own through <see cref="RequestState"/>), so every emulator shares it.
/// </summary>
internal static class EmulatorSchema
{
    public const string ResourceName = "FlightTaskSync.Emulator.schema.graphql";

    private static readonly Lazy<ISchema> LazyInstance = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ISchema Instance => LazyInstance.Value;

    /// <summary>The SDL text, exactly as embedded.</summary>
    public static string ReadSdl()
    {
        using var stream = typeof(EmulatorSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Schema Build()
    {
        var schema = Schema.For(ReadSdl(), builder =>
        {
            builder.AllowUnknownFields = true;
            QueryResolvers.Configure(builder.Types);
            TypeResolvers.Configure(builder.Types);
        });
        schema.RegisterType(new Iso8601DateTimeGraphType());
        schema.RegisterType(new JsonGraphType());
        schema.Initialize();
        return schema;
    }

    /// <summary>Binds a field to a function of its source object.</summary>
    public static void Map<TSource>(this TypeSettings types, string type, string field, Func<TSource, object?> resolve) =>
        types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<TSource, object?>(context => resolve(context.Source));

    /// <summary>Binds a field to a function of its source object and the request's state.</summary>
    public static void Map<TSource>(this TypeSettings types, string type, string field, Func<TSource, RequestState, object?> resolve) =>
        types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<TSource, object?>(context => resolve(context.Source, RequestState.From(context)));
}
