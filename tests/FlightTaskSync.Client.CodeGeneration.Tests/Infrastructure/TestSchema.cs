namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>A small schema with every kind of type, for diagnostics and shape tests.</summary>
internal static class TestSchema
{
    public const string Path = "/project/GraphQL/schema.graphql";
    public const string OperationsPath = "/project/GraphQL/Operations.graphql";

    public const string Text = """
        scalar DateTime
        scalar Json

        type Query {
          book(id: ID!): Book
          books(first: Int = 10, genre: Genre, tags: [String!]): [Book!]!
          search(text: String!): [SearchResult!]!
          node(id: ID!): Node
          shelf(filter: ShelfFilter): Shelf
        }

        type Mutation {
          addBook(title: String!, genre: Genre!): Book!
        }

        type Subscription {
          bookAdded: Book!
        }

        interface Node {
          id: ID!
        }

        type Book implements Node {
          id: ID!
          title: String!
          genre: Genre!
          author: Author
          published: DateTime
          extra: Json
          pages(min: Int!): Int
        }

        type Author implements Node {
          id: ID!
          name: String!
          books: [Book!]!
        }

        type Shelf {
          name: String
        }

        union SearchResult = Book | Author

        enum Genre { FICTION SCIENCE_FICTION HISTORY }

        input ShelfFilter {
          name: String!
          limit: Int
        }
        """;
}
