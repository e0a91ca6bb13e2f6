using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure.ResultReflection;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Shapes;

/// <summary>Shapes the real operation does not have: unions, scalars of every runtime type, nested lists, defaults, a mutation.</summary>
public sealed class GeneratedShapeTests
{
    private const string SearchAndStats = """
        {
          "data": {
            "stats": {
              "__typename": "Stats",
              "count": 9007199254740993, "price": 12.50, "uuid": "6f9619ff-8b86-d011-b42d-00cf4fc964ff", "ratio": 0.25,
              "flag": true, "label": "top", "small": null, "color": { "r": 1 }, "grid": [[1, 2], null, []]
            },
            "search": [
              { "__typename": "Book", "title": "Dune", "genre": "SCIENCE_FICTION", "published": "1965-08-01T00:00:00Z", "extra": null },
              { "__typename": "Author", "name": "Frank Herbert", "books": [{ "__typename": "Book", "title": "Dune" }] },
              { "__typename": "Magazine", "issue": 4 }
            ],
            "node": { "__typename": "Author", "id": "a1" }
          }
        }
        """;

    private static readonly int[] FirstGridRow = [1, 2];
    private static readonly string[] ClientOperations = ["IEverythingQuery Everything", "IAddBookMutation AddBook"];

    private GeneratorRun _run = null!;
    private GeneratedClientAssembly _client = null!;

    [OneTimeSetUp]
    public void BuildClient()
    {
        _run = GeneratorRunner.Run(ShapeSchema.Files, ShapeSchema.Properties);
        _client = GeneratedClientAssembly.Build(ShapeSchema.Files, ShapeSchema.Properties, ShapeSchema.Probe);
    }

    [OneTimeTearDown]
    public void UnloadClient() => _client.Dispose();

    [Test]
    public void Generate_ShapeOperations_CompilesWithoutErrorsOrWarnings()
    {
        // Arrange
        var sources = _run.Sources.Values;

        // Act
        var problems = GeneratedCodeCompiler.Problems(GeneratedCodeCompiler.Compile(sources));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(_run.Diagnostics, Is.Empty);
            Assert.That(problems, Is.Empty);
        });
    }

    [TestCase("IEverything_Stats", "Count", "long")]
    [TestCase("IEverything_Stats", "Price", "decimal?")]
    [TestCase("IEverything_Stats", "Uuid", "Guid")]
    [TestCase("IEverything_Stats", "Ratio", "double?")]
    [TestCase("IEverything_Stats", "Flag", "bool")]
    [TestCase("IEverything_Stats", "Label", "string")]
    [TestCase("IEverything_Stats", "Small", "int?")]
    [TestCase("IEverything_Stats", "Color", "string?")]
    [TestCase("IEverything_Stats", "Grid", "IReadOnlyList<IReadOnlyList<int>?>")]
    [TestCase("IEverything_Search_Book", "Published", "DateTimeOffset?")]
    [TestCase("IEverything_Search_Book", "Extra", "JsonElement?")]
    [TestCase("IEverything_Search_Book", "Genre", "BookGenre")]
    [TestCase("IEverything_Search_Author", "Books", "IReadOnlyList<IEverything_Search_Books>")]
    [TestCase("IEverything_Node", "Id", "string")]
    [TestCase("EverythingVariables", "Ids", "IReadOnlyList<IReadOnlyList<string>>?")]
    [TestCase("EverythingVariables", "Genres", "IReadOnlyList<BookGenre>?")]
    [TestCase("EverythingVariables", "Count", "long?")]
    public void Generate_ShapeOperations_PropertyHasTheRuntimeType(string type, string property, string expected)
    {
        // Arrange
        var compilation = GeneratedCodeCompiler.Compile(_run.Sources.Values);

        // Act
        var actual = compilation.GetTypeByMetadataName("Shapes.Client." + type)!
            .GetMembers(property).OfType<IPropertySymbol>().Single().Type
            .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));

        // Assert
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_UnionItems_AreDispatchedOnTypename()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(SearchAndStats);

        // Act
        var data = _client.Invoke("ParseData", body)!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(At(data, "Search[0]")!.GetType().Name, Is.EqualTo("Everything_Search_Book"));
            Assert.That(At(data, "Search[0].Genre")!.ToString(), Is.EqualTo("ScienceFiction"));
            Assert.That(At(data, "Search[1]")!.GetType().Name, Is.EqualTo("Everything_Search_Author"));
            Assert.That(At(data, "Search[1].Books[0].Title"), Is.EqualTo("Dune"));
            Assert.That(At(data, "Search[2]")!.GetType().Name, Is.EqualTo("Everything_Search_Unknown"));
            Assert.That(At(data, "Search[2].__typename"), Is.EqualTo("Magazine"));
            Assert.That(At(data, "Node")!.GetType().Name, Is.EqualTo("Everything_Node_Author"));
            Assert.That(At(data, "Node.Id"), Is.EqualTo("a1"));
        });
    }

    [Test]
    public void Parse_ScalarsAndNestedLists_ReadEveryValue()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(SearchAndStats);

        // Act
        var stats = At(_client.Invoke("ParseData", body)!, "Stats")!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Get(stats, "Count"), Is.EqualTo(9007199254740993L));
            Assert.That(Get(stats, "Price"), Is.EqualTo(12.50m));
            Assert.That(Get(stats, "Uuid"), Is.EqualTo(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff")));
            Assert.That(Get(stats, "Ratio"), Is.EqualTo(0.25));
            Assert.That(Get(stats, "Flag"), Is.True);
            Assert.That(Get(stats, "Label"), Is.EqualTo("top"));
            Assert.That(Get(stats, "Small"), Is.Null);
            Assert.That(Get(stats, "Color"), Is.EqualTo("{ \"r\": 1 }"), "a scalar without a runtime type keeps its JSON text");
            Assert.That(Count(stats, "Grid"), Is.EqualTo(3));
            Assert.That(At(stats, "Grid[0]"), Is.EqualTo(FirstGridRow));
            Assert.That(At(stats, "Grid[1]"), Is.Null);
            Assert.That(At(stats, "Grid[2]"), Is.Empty);
        });
    }

    [Test]
    public async Task WriteAsync_OptionalVariablesWithDefaults_AreLeftOutWhenNull()
    {
        // Arrange
        IReadOnlyList<IReadOnlyList<string>> ids = [["a", "b"], ["c"]];
        var variables = _client.Create("EverythingVariables", ids, null, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), null);

        // Act
        var json = await WriteVariablesAsync(variables);

        // Assert
        Assert.That(json, Is.EqualTo("{\"ids\":[[\"a\",\"b\"],[\"c\"]],\"at\":\"2024-01-02T03:04:05+00:00\"}"));
    }

    [Test]
    public async Task WriteAsync_EnumsAndDefaultsGiven_AreWrittenByGraphQLName()
    {
        // Arrange
        var genres = Array.CreateInstance(_client.GeneratedType("BookGenre"), 2);
        genres.SetValue(_client.EnumValue("BookGenre", "ScienceFiction"), 0);
        genres.SetValue(_client.EnumValue("BookGenre", "History"), 1);
        var variables = _client.Create("EverythingVariables", null, genres, null, 7L);

        // Act
        var json = await WriteVariablesAsync(variables);

        // Assert
        Assert.That(json, Is.EqualTo("{\"ids\":null,\"genres\":[\"SCIENCE_FICTION\",\"HISTORY\"],\"at\":null,\"count\":7}"));
    }

    [Test]
    public async Task WriteAsync_MutationVariables_AreWritten()
    {
        // Arrange
        var variables = _client.Create("AddBookVariables", "Dune", _client.EnumValue("BookGenre", "ScienceFiction"));

        // Act
        var json = await WriteVariablesAsync(variables);

        // Assert
        Assert.That(json, Is.EqualTo("{\"title\":\"Dune\",\"genre\":\"SCIENCE_FICTION\"}"));
    }

    [Test]
    public void Generate_Mutation_EmitsAMutationOperationOnTheClient()
    {
        // Arrange
        var documentType = _client.GeneratedType("AddBookMutationDocument");

        // Act
        var text = (string)documentType.GetField("Text")!.GetValue(null)!;
        var clientProperties = _client.GeneratedType("IShapesClient").GetProperties().Select(p => $"{p.PropertyType.Name} {p.Name}");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("mutation AddBook($title:String!,$genre:Genre!){addBook(title:$title,genre:$genre){__typename id title genre}}"));
            Assert.That(clientProperties, Is.EquivalentTo(ClientOperations));
        });
    }

    private static async Task<string> WriteVariablesAsync(object variables)
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
        {
            var write = variables.GetType().GetMethod("WriteAsync")!;
            await (ValueTask)write.Invoke(variables, [writer, CancellationToken.None])!;
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
