using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.Emulator.Execution;
using FlightTaskSync.IntegrationTests.Emulator.Support;
using GraphQLParser;
using GraphQLParser.AST;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class SchemaTests
{
    private const string IntrospectionQuery = """
        {
          __schema {
            queryType { name }
            mutationType { name }
            types {
              kind name
              interfaces { name }
              enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
              inputFields { name type { ...Ref } }
              fields(includeDeprecated: true) {
                name isDeprecated deprecationReason
                args { name type { ...Ref } }
                type { ...Ref }
              }
            }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    private static string SchemaFile => Path.Combine(AppContext.BaseDirectory, "Emulator", "schema.graphql");

    [Test]
    public void EmbeddedSchema_IsTheSdksSchemaFile()
    {
        Assert.That(EmulatorSchema.ReadSdl(), Is.EqualTo(File.ReadAllText(SchemaFile)));
    }

    [Test]
    public async Task Introspection_DescribesExactlyTheTypesOfSchemaGraphql()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);

        var root = await client.QueryAsync(IntrospectionQuery);
        var schema = root.GetProperty("data").GetProperty("__schema");
        var served = schema.GetProperty("types").EnumerateArray()
            .Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal))
            .Where(t => t.GetProperty("name").GetString() is not ("String" or "Int" or "Float" or "Boolean" or "ID"))
            .ToDictionary(t => t.GetProperty("name").GetString()!, Describe);
        var expected = Parser.Parse(File.ReadAllText(SchemaFile)).Definitions
            .OfType<GraphQLTypeDefinition>()
            .ToDictionary(d => d.Name.StringValue, Describe);

        Assert.Multiple(() =>
        {
            Assert.That(schema.GetProperty("queryType").GetProperty("name").GetString(), Is.EqualTo("Query"));
            Assert.That(schema.GetProperty("mutationType").GetProperty("name").GetString(), Is.EqualTo("Mutation"));
            Assert.That(served.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (name, description) in expected)
            {
                Assert.That(served.GetValueOrDefault(name), Is.EqualTo(description), name);
            }
        });
        Assert.That(served["SyncResult"], Does.Contain("remaining_count: Int!").And.Contain("upserted: [SyncItem!]!"));
        Assert.That(served["FlightTask"], Does.Contain("task_type: TaskType! @deprecated(Task is now an interface)"));
    }

    [Test]
    public async Task TypeName_OfServedItems_IsFlightTask()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 5 });
        using var client = new EmulatorClient(emulator);

        var page = await client.SyncAsync(emulator.OrganizationIds[0], [], includeDescendants: true);

        Assert.That(page.Result.GetProperty("upserted").EnumerateArray().Select(i => i.GetProperty("__typename").GetString()), Is.All.EqualTo("FlightTask"));
    }

    [Test]
    public async Task RelatedObjects_ResolveThroughTheSyncItemInterface()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 30 });
        using var client = new EmulatorClient(emulator);
        var query = $$"""
            { sync_flight_tasks(organization_sentera_id: "{{emulator.OrganizationIds[0]}}", content_hashes: [], include_descendant_organizations: true) {
                upserted { ... on FlightTask {
                  field { __typename sentera_id content_hash name created_by { sentera_id email } }
                  plan { __typename name } survey { __typename name } organization { name } } } } }
            """;

        var root = await client.QueryAsync(query);

        var tasks = root.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("upserted").EnumerateArray().ToList();
        var fields = tasks.Select(t => t.GetProperty("field")).Where(f => f.ValueKind == JsonValueKind.Object).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.TryGetProperty("errors", out _), Is.False, root.ToString());
            Assert.That(fields, Is.Not.Empty);
            Assert.That(fields.Select(f => f.GetProperty("__typename").GetString()), Is.All.EqualTo("Field"));
            Assert.That(fields.Select(f => f.GetProperty("sentera_id").GetString()), Is.All.Contains("_AS_"));
            Assert.That(fields.Select(f => f.GetProperty("created_by").GetProperty("email").GetString()), Is.All.EndsWith("@example.com"));
            Assert.That(tasks.Select(t => t.GetProperty("plan")).Where(p => p.ValueKind == JsonValueKind.Object).Select(p => p.GetProperty("__typename").GetString()), Is.All.EqualTo("FeatureSet"));
            Assert.That(tasks.Select(t => t.GetProperty("survey")).Where(p => p.ValueKind == JsonValueKind.Object).Select(p => p.GetProperty("__typename").GetString()), Is.All.EqualTo("Survey"));
            Assert.That(tasks.Select(t => t.GetProperty("organization").GetProperty("name").GetString()), Is.All.StartsWith("Acme Agronomy"));
        });
    }

    private static string Describe(JsonElement type)
    {
        var lines = new List<string> { type.GetProperty("kind").GetString()! };
        if (type.GetProperty("interfaces") is { ValueKind: JsonValueKind.Array } interfaces)
        {
            lines.AddRange(interfaces.EnumerateArray().Select(i => "implements " + i.GetProperty("name").GetString()));
        }

        if (type.GetProperty("fields") is { ValueKind: JsonValueKind.Array } fields)
        {
            lines.AddRange(fields.EnumerateArray().Select(f =>
                f.GetProperty("name").GetString()
                + Arguments(f.GetProperty("args").EnumerateArray().Select(a => $"{a.GetProperty("name").GetString()}: {Reference(a.GetProperty("type"))}"))
                + ": " + Reference(f.GetProperty("type"))
                + Deprecation(f)));
        }

        if (type.GetProperty("inputFields") is { ValueKind: JsonValueKind.Array } inputFields)
        {
            lines.AddRange(inputFields.EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}: {Reference(f.GetProperty("type"))}"));
        }

        if (type.GetProperty("enumValues") is { ValueKind: JsonValueKind.Array } values)
        {
            lines.AddRange(values.EnumerateArray().Select(v => v.GetProperty("name").GetString() + Deprecation(v)));
        }

        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private static string Describe(GraphQLTypeDefinition definition)
    {
        var lines = new List<string>();
        switch (definition)
        {
            case GraphQLScalarTypeDefinition:
                lines.Add("SCALAR");
                break;
            case GraphQLObjectTypeDefinition type:
                lines.Add("OBJECT");
                lines.AddRange(type.Interfaces?.Items.Select(i => "implements " + i.Name.StringValue) ?? []);
                lines.AddRange(type.Fields?.Items.Select(Describe) ?? []);
                break;
            case GraphQLInterfaceTypeDefinition type:
                lines.Add("INTERFACE");
                lines.AddRange(type.Fields?.Items.Select(Describe) ?? []);
                break;
            case GraphQLEnumTypeDefinition type:
                lines.Add("ENUM");
                lines.AddRange(type.Values?.Items.Select(v => v.Name.StringValue + Deprecation(v.Directives)) ?? []);
                break;
            case GraphQLInputObjectTypeDefinition type:
                lines.Add("INPUT_OBJECT");
                lines.AddRange(type.Fields?.Items.Select(f => $"{f.Name.StringValue}: {Reference(f.Type)}") ?? []);
                break;
            default:
                Assert.Fail($"Unexpected definition {definition.Kind}.");
                break;
        }

        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private static string Describe(GraphQLFieldDefinition field) =>
        field.Name.StringValue
        + Arguments(field.Arguments?.Items.Select(a => $"{a.Name.StringValue}: {Reference(a.Type)}") ?? [])
        + ": " + Reference(field.Type)
        + Deprecation(field.Directives);

    private static string Arguments(IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        return list.Count == 0 ? string.Empty : $"({string.Join(", ", list)})";
    }

    private static string Reference(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "NON_NULL" => Reference(type.GetProperty("ofType")) + "!",
        "LIST" => "[" + Reference(type.GetProperty("ofType")) + "]",
        _ => type.GetProperty("name").GetString()!,
    };

    private static string Reference(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Reference(nonNull.Type) + "!",
        GraphQLListType list => "[" + Reference(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type reference."),
    };

    private static string Deprecation(JsonElement element) =>
        element.GetProperty("isDeprecated").GetBoolean() ? $" @deprecated({element.GetProperty("deprecationReason").GetString()})" : string.Empty;

    private static string Deprecation(GraphQLDirectives? directives)
    {
        var deprecated = directives?.Items.FirstOrDefault(d => d.Name.StringValue == "deprecated");
        if (deprecated is null)
        {
            return string.Empty;
        }

        var reason = deprecated.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "reason")?.Value as GraphQLStringValue;
        return $" @deprecated({reason?.Value.ToString() ?? "No longer supported"})";
    }
}
