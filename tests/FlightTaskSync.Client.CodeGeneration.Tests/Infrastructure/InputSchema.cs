namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>
/// Input objects of every shape the generated client must write: required and optional fields,
/// a non-null field with a default, enums and custom scalars, lists, nested, recursive and renamed
/// input objects, and input-object variables with and without a default.
/// </summary>
internal static class InputSchema
{
    public const string Path = "/project/GraphQL/schema.graphql";
    public const string ExtensionsPath = "/project/GraphQL/schema.extensions.graphql";
    public const string OperationsPath = "/project/GraphQL/Inputs.graphql";

    /// <summary>The schema, as a server has it: GraphQL.NET reads it too.</summary>
    public const string Text = """
        scalar DateTime
        scalar Json
        scalar Color

        type Query {
          shelfSize(filter: ShelfFilter): Int
        }

        type Mutation {
          addBooks(books: [BookInput!]!): Int!
        }

        enum Genre { FICTION SCIENCE_FICTION }

        input BookInput {
          id: ID
          title: String!
          genre: Genre
          pages: Int! = 100
          published: DateTime
          extra: Json
          color: Color
          tags: [String!]
          author: AuthorInput
          coAuthors: [AuthorInput!]
          ratings: [[Int!]]
          sequel: BookInput
        }

        input AuthorInput {
          name: String!
          born: DateTime
          genres: [Genre!]!
        }

        input ShelfFilter {
          name: String! = "main"
          limit: Int
        }
        """;

    /// <summary>The client-side additions: runtime types, and a .NET name for an input type.</summary>
    public const string Extensions = """
        directive @runtimeType(name: String!) on SCALAR
        directive @rename(name: String!) on ENUM | OBJECT | INTERFACE | UNION | INPUT_OBJECT

        extend scalar DateTime @runtimeType(name: "DateTimeOffset")
        extend scalar Json @runtimeType(name: "JsonElement")
        extend input AuthorInput @rename(name: "AuthorData")
        """;

    public const string Operations = """
        mutation AddBooks($books: [BookInput!]!) {
          addBooks(books: $books)
        }

        query ShelfSize($filter: ShelfFilter = { limit: 3 }, $other: ShelfFilter) {
          first: shelfSize(filter: $filter)
          second: shelfSize(filter: $other)
        }
        """;

    public static IReadOnlyList<(string Path, string Text)> Files { get; } = [(Path, Text), (ExtensionsPath, Extensions), (OperationsPath, Operations)];

    /// <summary>Gets the schema files and one more operations file.</summary>
    public static IReadOnlyList<(string Path, string Text)> SchemaAnd(string operationsPath, string operations) =>
        [(Path, Text), (ExtensionsPath, Extensions), (operationsPath, operations)];

    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
    {
        ["GraphQLClientName"] = "InputsClient",
        ["GraphQLClientNamespace"] = "Inputs.Client",
        ["GraphQLClientAccessModifier"] = "internal",
    };

    /// <summary>
    /// A probe compiled with the generated client: it builds variables the way hand-written code
    /// does (object initializers; a property left unset, set to null, or set to a value) and gives
    /// back the JSON written, or the exception <c>Validate()</c> throws.
    /// </summary>
    public const string Probe = """
        using System.Text;
        using System.Text.Json;
        using FlightTaskSync.Client.Transport;
        using Inputs.Client;

        namespace Probe;

        public static class ClientProbe
        {
            public static Task<string> MinimalBookAsync() =>
                WriteAsync(new AddBooksVariables([new BookInput { Title = "Dune" }]));

            public static Task<string> NullBookAsync() =>
                WriteAsync(new AddBooksVariables(
                [
                    new BookInput
                    {
                        Id = null, Title = "Dune", Genre = null, Published = null, Extra = null, Color = null,
                        Tags = null, Author = null, CoAuthors = null, Ratings = null, Sequel = null,
                    },
                ]));

            public static Task<string> FullBookAsync()
            {
                using var extra = JsonDocument.Parse("{\"a\":[1,2]}");
                return WriteAsync(new AddBooksVariables(
                [
                    new BookInput
                    {
                        Id = "b1",
                        Title = "Dune",
                        Genre = Genre.ScienceFiction,
                        Pages = 412,
                        Published = new DateTimeOffset(1965, 8, 1, 0, 0, 0, TimeSpan.Zero),
                        Extra = extra.RootElement.Clone(),
                        Color = "#fff",
                        Tags = new[] { "classic", "desert" },
                        Author = new AuthorData { Name = "Frank Herbert", Born = null, Genres = [Genre.ScienceFiction, Genre.Fiction] },
                        CoAuthors = new[] { new AuthorData { Name = "Brian", Genres = [] } },
                        Ratings = new IReadOnlyList<int>?[] { [5, 4], null, [] },
                        Sequel = new BookInput { Title = "Dune Messiah", Sequel = new BookInput { Title = "Children of Dune" } },
                    },
                    new BookInput { Title = "Emma", Genre = Genre.Fiction },
                ]));
            }

            /// <summary>Sets fields, then takes two of them back: unset again, they are not sent.</summary>
            public static Task<string> UnsetAgainAsync()
            {
                var book = new BookInput { Title = "Dune", Genre = Genre.Fiction, Color = "red", Pages = 3 };
                book.Genre = Optional<Genre?>.Unset;
                book.Pages = default;
                return WriteAsync(new AddBooksVariables([book]));
            }

            public static Task<string> OptionalFieldStatesAsync()
            {
                var unset = new BookInput { Title = "t" };
                var nulled = new BookInput { Title = "t", Color = null };
                var valued = new BookInput { Title = "t", Color = "red" };
                return Task.FromResult(string.Join("|",
                    unset.Color.IsSet, nulled.Color.IsSet, nulled.Color.Value ?? "null", valued.Color.Value,
                    unset.Color, nulled.Color, valued.Color,
                    unset.Color == Optional<string?>.Unset, nulled.Color == new Optional<string?>(null), nulled.Color == valued.Color));
            }

            public static Task<string> DefaultVariableLeftOutAsync() => WriteAsync(new ShelfSizeVariables(null, null));

            public static Task<string> FilterVariablesAsync() =>
                WriteAsync(new ShelfSizeVariables(new ShelfFilter { Limit = null }, new ShelfFilter { Name = "top", Limit = 2 }));

            public static string Document() => AddBooksMutationDocument.Text;

            /// <summary>Validates bad variables; gives "ExceptionType|ParamName|Message".</summary>
            public static string ValidationFailure(string name)
            {
                AddBooksVariables? books = null;
                ShelfSizeVariables? shelves = null;
                switch (name)
                {
                    case "nullList": books = new AddBooksVariables(null!); break;
                    case "nullBook": books = new AddBooksVariables([new BookInput { Title = "a" }, null!]); break;
                    case "nullTitle": books = new AddBooksVariables([new BookInput { Title = null! }]); break;
                    case "nullAuthorName": books = new AddBooksVariables([new BookInput { Title = "a" }, new BookInput { Title = "b", Author = new AuthorData { Name = null!, Genres = [] } }]); break;
                    case "nullCoAuthor": books = new AddBooksVariables([new BookInput { Title = "a", CoAuthors = new[] { new AuthorData { Name = "x", Genres = [] }, null! } }]); break;
                    case "nullGenres": books = new AddBooksVariables([new BookInput { Title = "a", CoAuthors = new[] { new AuthorData { Name = "x", Genres = null! } } }]); break;
                    case "nullTag": books = new AddBooksVariables([new BookInput { Title = "a", Tags = new[] { "x", "y", null! } }]); break;
                    case "nullSequelTitle": books = new AddBooksVariables([new BookInput { Title = "a", Sequel = new BookInput { Title = "b", Sequel = new BookInput { Title = null! } } }]); break;
                    case "nullDefaultedName": shelves = new ShelfSizeVariables(null, new ShelfFilter { Name = null! }); break;
                    default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
                }

                try
                {
                    books?.Validate();
                    shelves?.Validate();
                    return "valid";
                }
                catch (ArgumentException exception)
                {
                    return $"{exception.GetType().Name}|{exception.ParamName}|{exception.Message}";
                }
            }

            private static async Task<string> WriteAsync(AddBooksVariables variables)
            {
                variables.Validate();
                using var stream = new MemoryStream();
                await using (var writer = new Utf8JsonWriter(stream))
                {
                    await variables.WriteAsync(writer, CancellationToken.None);
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }

            private static async Task<string> WriteAsync(ShelfSizeVariables variables)
            {
                variables.Validate();
                using var stream = new MemoryStream();
                await using (var writer = new Utf8JsonWriter(stream))
                {
                    await variables.WriteAsync(writer, CancellationToken.None);
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }
        """;
}
