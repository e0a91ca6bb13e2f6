namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>
/// <see cref="TestSchema"/> with client extensions for every @runtimeType choice, a rename, and
/// operations that use unions, interfaces, fragments, nested lists, enum and default variables,
/// and a mutation: one generated client that covers the shapes the real operation does not.
/// </summary>
internal static class ShapeSchema
{
    public const string ExtensionsPath = "/project/GraphQL/schema.extensions.graphql";
    public const string StatsPath = "/project/GraphQL/stats.graphql";
    public const string OperationsPath = "/project/GraphQL/Shapes.graphql";

    public const string Extensions = """
        directive @runtimeType(name: String!) on SCALAR
        directive @rename(name: String!) on ENUM | OBJECT | INTERFACE | UNION | INPUT_OBJECT

        extend scalar DateTime @runtimeType(name: "DateTimeOffset")
        extend scalar Json @runtimeType(name: "System.Text.Json.JsonElement")
        extend scalar Long @runtimeType(name: "Int64")
        extend scalar Money @runtimeType(name: "global::System.Decimal")
        extend scalar Uuid @runtimeType(name: "Guid")
        extend scalar Ratio @runtimeType(name: "Double")
        extend scalar Flag @runtimeType(name: "Boolean")
        extend scalar Label @runtimeType(name: "String")
        extend scalar Small @runtimeType(name: "System.Int32")
        extend enum Genre @rename(name: "BookGenre")
        """;

    public const string Stats = """
        scalar Long
        scalar Money
        scalar Uuid
        scalar Ratio
        scalar Flag
        scalar Label
        scalar Small
        scalar Color

        type Stats {
          count: Long!
          price: Money
          uuid: Uuid!
          ratio: Ratio
          flag: Flag!
          label: Label!
          small: Small
          color: Color
          grid: [[Int!]]!
        }

        extend type Query {
          stats(ids: [[ID!]!], genres: [Genre!], at: DateTime, count: Long): Stats!
        }
        """;

    public const string Operations = """
        query Everything($ids: [[ID!]!], $genres: [Genre!] = [FICTION], $at: DateTime, $count: Long! = 3) {
          stats(ids: $ids, genres: $genres, at: $at, count: $count) {
            count price uuid ratio flag label small color grid
          }
          search(text: "dune") {
            ... on Book { title genre published extra }
            ...AuthorFields
          }
          node(id: "1") {
            id
            ... on Book { title }
          }
        }

        fragment AuthorFields on Author {
          name
          books { title }
        }

        mutation AddBook($title: String!, $genre: Genre!) {
          addBook(title: $title, genre: $genre) { id title genre }
        }
        """;

    public static IReadOnlyList<(string Path, string Text)> Files { get; } =
    [
        (TestSchema.Path, TestSchema.Text),
        (ExtensionsPath, Extensions),
        (StatsPath, Stats),
        (OperationsPath, Operations),
    ];

    /// <summary>A probe compiled with the generated client, to run its parser.</summary>
    public const string Probe = """
        namespace Probe;

        public static class ClientProbe
        {
            public static object ParseData(byte[] body) =>
                RecordingConnection.ParseData(Shapes.Client.EverythingResultParser.Instance, body);
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
    {
        ["GraphQLClientName"] = "ShapesClient",
        ["GraphQLClientNamespace"] = "Shapes.Client",
        ["GraphQLClientAccessModifier"] = "internal",
    };
}
