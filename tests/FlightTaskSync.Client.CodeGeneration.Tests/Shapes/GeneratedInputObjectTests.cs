using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Shapes;

/// <summary>
/// Input-object variables: the classes generated, and the JSON written for a field left unset
/// (left out), set to null (<c>null</c>) and set to a value, through lists, nesting and recursion.
/// </summary>
public sealed class GeneratedInputObjectTests
{
    private GeneratorRun _run = null!;
    private Compilation _compilation = null!;
    private GeneratedClientAssembly _client = null!;

    [OneTimeSetUp]
    public void BuildClient()
    {
        _run = GeneratorRunner.Run(InputSchema.Files, InputSchema.Properties);
        _compilation = GeneratedCodeCompiler.Compile(_run.Sources.Values);
        _client = GeneratedClientAssembly.Build(InputSchema.Files, InputSchema.Properties, InputSchema.Probe);
    }

    [OneTimeTearDown]
    public void UnloadClient() => _client.Dispose();

    [Test]
    public void Generate_InputObjects_CompileWithoutErrorsOrWarnings()
    {
        // Arrange
        var run = _run;

        // Act
        var problems = GeneratedCodeCompiler.Problems(_compilation);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(problems, Is.Empty);
            Assert.That(run.Sources.Keys, Is.SupersetOf(new[] { "BookInput.g.cs", "AuthorData.g.cs", "ShelfFilter.g.cs", "Genre.g.cs" }));
        });
    }

    [TestCase("BookInput", "Id", "Optional<string?>")]
    [TestCase("BookInput", "Title", "string")]
    [TestCase("BookInput", "Genre", "Optional<Genre?>")]
    [TestCase("BookInput", "Pages", "Optional<int>")]
    [TestCase("BookInput", "Published", "Optional<DateTimeOffset?>")]
    [TestCase("BookInput", "Extra", "Optional<JsonElement?>")]
    [TestCase("BookInput", "Color", "Optional<string?>")]
    [TestCase("BookInput", "Tags", "Optional<IReadOnlyList<string>?>")]
    [TestCase("BookInput", "Author", "Optional<AuthorData?>")]
    [TestCase("BookInput", "CoAuthors", "Optional<IReadOnlyList<AuthorData>?>")]
    [TestCase("BookInput", "Ratings", "Optional<IReadOnlyList<IReadOnlyList<int>?>?>")]
    [TestCase("BookInput", "Sequel", "Optional<BookInput?>")]
    [TestCase("AuthorData", "Name", "string")]
    [TestCase("AuthorData", "Genres", "IReadOnlyList<Genre>")]
    [TestCase("ShelfFilter", "Name", "Optional<string>")]
    [TestCase("AddBooksVariables", "Books", "IReadOnlyList<BookInput>")]
    [TestCase("ShelfSizeVariables", "Filter", "ShelfFilter?")]
    public void Generate_InputObjects_PropertyHasTheExpectedType(string type, string property, string expected)
    {
        // Arrange
        var owner = _compilation.GetTypeByMetadataName("Inputs.Client." + type)!;

        // Act
        var actual = owner.GetMembers(property).OfType<IPropertySymbol>().Single().Type
            .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));

        // Assert
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Generate_InputObjects_OnlyFieldsWithoutDefaultThatAreNonNullAreRequiredAndEverythingIsInternal()
    {
        // Arrange
        var book = _compilation.GetTypeByMetadataName("Inputs.Client.BookInput")!;

        // Act
        var required = book.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsRequired).Select(p => p.Name);
        var accessibility = new[] { "BookInput", "BookInputSerializer", "AuthorData", "AuthorDataSerializer" }
            .Select(name => _compilation.GetTypeByMetadataName("Inputs.Client." + name)!.DeclaredAccessibility);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(required, Is.EqualTo(new[] { "Title" }));
            Assert.That(accessibility, Is.All.EqualTo(Accessibility.Internal));
        });
    }

    [Test]
    public void Compile_RequiredFieldLeftOut_IsACompileError()
    {
        // Arrange: AuthorData's name and genres are non-null without a default.
        const string caller = "namespace Probe; internal static class Caller { public static object Make() => new Inputs.Client.AuthorData { Name = \"x\" }; }";

        // Act
        var compilation = GeneratedCodeCompiler.Compile(_run.Sources.Values, [caller]);

        // Assert
        Assert.That(GeneratedCodeCompiler.Problems(compilation).Select(d => d.Id), Is.EqualTo(new[] { "CS9035" }));
    }

    [Test]
    public async Task WriteAsync_OptionalFieldsLeftUnset_AreLeftOut()
    {
        // Arrange
        const string method = "MinimalBookAsync";

        // Act
        var json = await _client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo("{\"books\":[{\"title\":\"Dune\"}]}"));
    }

    [Test]
    public async Task WriteAsync_OptionalFieldsSetToNull_AreWrittenAsNullInSchemaOrder()
    {
        // Arrange
        const string method = "NullBookAsync";

        // Act
        var json = await _client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo(
            "{\"books\":[{\"id\":null,\"title\":\"Dune\",\"genre\":null,\"published\":null,\"extra\":null,\"color\":null," +
            "\"tags\":null,\"author\":null,\"coAuthors\":null,\"ratings\":null,\"sequel\":null}]}"));
    }

    [Test]
    public async Task WriteAsync_EveryFieldSet_WritesEnumsScalarsListsAndNestedObjects()
    {
        // Arrange
        const string method = "FullBookAsync";

        // Act
        var json = await _client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo(
            "{\"books\":[" +
            "{\"id\":\"b1\",\"title\":\"Dune\",\"genre\":\"SCIENCE_FICTION\",\"pages\":412,\"published\":\"1965-08-01T00:00:00+00:00\"," +
            "\"extra\":{\"a\":[1,2]},\"color\":\"#fff\",\"tags\":[\"classic\",\"desert\"]," +
            "\"author\":{\"name\":\"Frank Herbert\",\"born\":null,\"genres\":[\"SCIENCE_FICTION\",\"FICTION\"]}," +
            "\"coAuthors\":[{\"name\":\"Brian\",\"genres\":[]}],\"ratings\":[[5,4],null,[]]," +
            "\"sequel\":{\"title\":\"Dune Messiah\",\"sequel\":{\"title\":\"Children of Dune\"}}}," +
            "{\"title\":\"Emma\",\"genre\":\"FICTION\"}]}"));
    }

    [Test]
    public async Task WriteAsync_FieldsSetThenUnsetAgain_AreLeftOut()
    {
        // Arrange
        const string method = "UnsetAgainAsync";

        // Act
        var json = await _client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo("{\"books\":[{\"title\":\"Dune\",\"color\":\"red\"}]}"));
    }

    [Test]
    public async Task Optional_UnsetNullAndValue_AreThreeDistinctStates()
    {
        // Arrange
        const string method = "OptionalFieldStatesAsync";

        // Act
        var states = await _client.InvokeAsync(method);

        // Assert: IsSet, Value, ToString and equality of unset, null and "red".
        Assert.That(states, Is.EqualTo("False|True|null|red|(unset)|null|red|True|True|False"));
    }

    [Test]
    public async Task WriteAsync_InputObjectVariableWithDefault_IsLeftOutWhenNullAndTheOtherIsWrittenAsNull()
    {
        // Arrange
        const string method = "DefaultVariableLeftOutAsync";

        // Act
        var json = await _client.InvokeAsync(method);

        // Assert
        Assert.That(json, Is.EqualTo("{\"other\":null}"));
    }

    [Test]
    public async Task WriteAsync_InputObjectVariables_WriteTheirSetFields()
    {
        // Arrange
        const string method = "FilterVariablesAsync";

        // Act
        var json = await _client.InvokeAsync(method);

        // Assert: the first filter leaves its defaulted name out and sends its limit as null.
        Assert.That(json, Is.EqualTo("{\"filter\":{\"limit\":null},\"other\":{\"name\":\"top\",\"limit\":2}}"));
    }

    [Test]
    public void Generate_InputObjectVariable_DocumentDeclaresTheInputType()
    {
        // Arrange
        const string method = "Document";

        // Act
        var document = _client.Invoke(method);

        // Assert
        Assert.That(document, Is.EqualTo("mutation AddBooks($books:[BookInput!]!){addBooks(books:$books)}"));
    }

    [TestCase("nullList", "ArgumentNullException|books|$books is declared [BookInput!]! and cannot be null. (Parameter 'books')")]
    [TestCase("nullBook", "ArgumentException|books|books[1] is null, but $books is declared [BookInput!]!: its elements cannot be null. (Parameter 'books')")]
    [TestCase("nullTitle", "ArgumentException|books|books[0].title is null, but BookInput.title is declared String! and cannot be null. (Parameter 'books')")]
    [TestCase("nullAuthorName", "ArgumentException|books|books[1].author.name is null, but AuthorInput.name is declared String! and cannot be null. (Parameter 'books')")]
    [TestCase("nullCoAuthor", "ArgumentException|books|books[0].coAuthors[1] is null, but BookInput.coAuthors is declared [AuthorInput!]: its elements cannot be null. (Parameter 'books')")]
    [TestCase("nullGenres", "ArgumentException|books|books[0].coAuthors[0].genres is null, but AuthorInput.genres is declared [Genre!]! and cannot be null. (Parameter 'books')")]
    [TestCase("nullTag", "ArgumentException|books|books[0].tags[2] is null, but BookInput.tags is declared [String!]: its elements cannot be null. (Parameter 'books')")]
    [TestCase("nullSequelTitle", "ArgumentException|books|books[0].sequel.sequel.title is null, but BookInput.title is declared String! and cannot be null. (Parameter 'books')")]
    [TestCase("nullDefaultedName", "ArgumentException|other|other.name is null, but ShelfFilter.name is declared String! and cannot be null. (Parameter 'other')")]
    public void Validate_NullWhereTheSchemaSaysNonNull_ThrowsWithThePath(string badCase, string expected)
    {
        // Arrange
        const string method = "ValidationFailure";

        // Act
        var failure = _client.Invoke(method, badCase);

        // Assert
        Assert.That(failure, Is.EqualTo(expected));
    }
}
