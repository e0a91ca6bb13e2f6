using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using FlightTaskSync.Client.CodeGeneration.Tests.TestDoubles;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLSchema = GraphQL.Types.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Tests;

/// <summary>
/// GraphQL.NET's own DocumentValidator, an engine independent of the generator, checks the
/// operations against the same schema: what one accepts the other must accept.
/// </summary>
public sealed class GraphQLDotNetAgreementTests
{
    private const string QueryStart = "query Check($org: ID!, $hashes: [String!]!, $include: Boolean) {\n  sync_flight_tasks(organization_sentera_id: $org, content_hashes: $hashes, include_descendant_organizations: $include) {\n";

    private static readonly string[] MutationFiles = ["BeginTasks.graphql", "DeleteTasks.graphql", "UpsertFlightTasks.graphql"];

    private GraphQLSchema _schema = null!;
    private GraphQLSchema _inputSchema = null!;

    public static IEnumerable<TestCaseData> ClientProjectOperationFiles() =>
        TestInputs.OperationFiles().Select(f => new TestCaseData(Path.GetFileName(f.Path)).SetArgDisplayNames(Path.GetFileName(f.Path)));

    [OneTimeSetUp]
    public void BuildSchemas()
    {
        _schema = BuildSchema(TestInputs.SchemaText);
        _inputSchema = BuildSchema(InputSchema.Text);
    }

    [OneTimeTearDown]
    public void DisposeSchemas()
    {
        _schema.Dispose();
        _inputSchema.Dispose();
    }

    [Test]
    public void ClientProjectOperationFiles_IncludeTheMutations()
    {
        // Arrange
        var cases = ClientProjectOperationFiles();

        // Act
        var names = cases.Select(c => (string)c.Arguments[0]!);

        // Assert
        Assert.That(names, Is.SupersetOf(MutationFiles));
    }

    [TestCaseSource(nameof(ClientProjectOperationFiles))]
    public async Task Validate_ClientProjectOperationFile_PassesGraphQLDotNetValidation(string fileName)
    {
        // Arrange
        var text = File.ReadAllText(Path.Combine(TestInputs.GraphQLFolder, fileName));

        // Act
        var errors = await ValidateWithGraphQLDotNet(text);

        // Assert
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Validate_ClientProjectFiles_PassTheGeneratorToo()
    {
        // Arrange
        var files = TestInputs.GraphQLFiles();

        // Act
        var run = GeneratorRunner.Run(files);
        var errors = new List<string>();
        foreach (var (_, text) in TestInputs.OperationFiles())
        {
            errors.AddRange(await ValidateWithGraphQLDotNet(text));
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(errors, Is.Empty);
        });
    }

    [TestCase("remaining_count upserted { sentera_id nmae }", "FIELDS_ON_CORRECT_TYPE", "FTSG003", TestName = "Validate_UnknownField_IsRejectedByBothEngines")]
    [TestCase("remaining_count { count }", "SCALAR_LEAFS", "FTSG005", TestName = "Validate_SelectionOnALeaf_IsRejectedByBothEngines")]
    [TestCase("deleted", "SCALAR_LEAFS", "FTSG006", TestName = "Validate_ObjectWithoutSelection_IsRejectedByBothEngines")]
    [TestCase("upserted { ... on User { email } }", "POSSIBLE_FRAGMENT_SPREADS", "FTSG004", TestName = "Validate_ImpossibleFragment_IsRejectedByBothEngines")]
    [TestCase("upserted { ... on Flight { name } }", "KNOWN_TYPE_NAMES", "FTSG002", TestName = "Validate_UnknownTypeCondition_IsRejectedByBothEngines")]
    public async Task Validate_InvalidSelection_IsRejectedByBothEngines(string selections, string graphQLDotNetCode, string generatorId)
    {
        // Arrange
        var operation = QueryStart + "    " + selections + "\n  }\n}\n";

        // Act
        var errors = await ValidateWithGraphQLDotNet(operation);
        var run = GeneratorRunner.Run([(Path.Combine(TestInputs.GraphQLFolder, "schema.graphql"), TestInputs.SchemaText), ("/project/Check.graphql", operation)]);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Some.StartWith(graphQLDotNetCode));
            Assert.That(run.Diagnostics.Select(d => d.Id), Has.Some.EqualTo(generatorId));
        });
    }

    [TestCase("query Check($org: ID) { sync_flight_tasks(organization_sentera_id: $org, content_hashes: []) { remaining_count } }", "VARIABLES_IN_ALLOWED_POSITION", "FTSG009", TestName = "Validate_NullableVariableInNonNullPlace_IsRejectedByBothEngines")]
    [TestCase("query Check { sync_flight_tasks(organization_sentera_id: $org, content_hashes: []) { remaining_count } }", "NO_UNDEFINED_VARIABLES", "FTSG007", TestName = "Validate_UndefinedVariable_IsRejectedByBothEngines")]
    [TestCase("query Check($org: ID!, $spare: Int) { sync_flight_tasks(organization_sentera_id: $org, content_hashes: []) { remaining_count } }", "NO_UNUSED_VARIABLES", "FTSG008", TestName = "Validate_UnusedVariable_IsRejectedByBothEngines")]
    [TestCase("query Check { sync_flight_tasks(content_hashes: []) { remaining_count } }", "PROVIDED_NON_NULL_ARGUMENTS", "FTSG010", TestName = "Validate_MissingArgument_IsRejectedByBothEngines")]
    [TestCase("query Check { sync_flight_tasks(organization_sentera_id: \"o\", content_hashes: [], page: 2) { remaining_count } }", "KNOWN_ARGUMENT_NAMES", "FTSG013", TestName = "Validate_UnknownArgument_IsRejectedByBothEngines")]
    [TestCase("query Check { sync_flight_tasks(organization_sentera_id: \"o\", content_hashes: [], include_descendant_organizations: \"yes\") { remaining_count } }", "ARGUMENTS_OF_CORRECT_TYPE", "FTSG016", TestName = "Validate_WrongLiteralType_IsRejectedByBothEngines")]
    public async Task Validate_InvalidOperation_IsRejectedByBothEngines(string operation, string graphQLDotNetCode, string generatorId)
    {
        // Arrange
        var schemaFile = (Path.Combine(TestInputs.GraphQLFolder, "schema.graphql"), TestInputs.SchemaText);

        // Act
        var errors = await ValidateWithGraphQLDotNet(operation);
        var run = GeneratorRunner.Run([schemaFile, ("/project/Check.graphql", operation)]);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Some.StartWith(graphQLDotNetCode));
            Assert.That(run.Diagnostics.Select(d => d.Id), Has.Some.EqualTo(generatorId));
        });
    }

    [TestCase("mutation Check($books: [BookInput!]!) { addBooks(books: $books) }", TestName = "Validate_ListOfInputObjectsVariable_IsAcceptedByBothEngines")]
    [TestCase("mutation Check($book: BookInput!) { addBooks(books: [$book]) }", TestName = "Validate_InputObjectVariableInAListLiteral_IsAcceptedByBothEngines")]
    [TestCase("query Check($filter: ShelfFilter) { shelfSize(filter: $filter) }", TestName = "Validate_NullableInputObjectVariable_IsAcceptedByBothEngines")]
    [TestCase("query Check($filter: ShelfFilter = { limit: 3 }) { shelfSize(filter: $filter) }", TestName = "Validate_InputObjectVariableWithADefault_IsAcceptedByBothEngines")]
    [TestCase("mutation Check($book: BookInput = { title: \"x\", genre: FICTION, tags: [\"a\"] }) { addBooks(books: [$book]) }", TestName = "Validate_NullableVariableWithANonNullDefaultInANonNullPlace_IsAcceptedByBothEngines")]
    [TestCase("query Check($name: String) { shelfSize(filter: { name: $name }) }", TestName = "Validate_NullableVariableForAnInputFieldWithADefault_IsAcceptedByBothEngines")]
    [TestCase("mutation Check($author: AuthorInput, $genre: Genre!) { addBooks(books: [{ title: \"x\", author: $author, sequel: { title: \"y\", coAuthors: [{ name: \"z\", genres: [$genre] }] } }]) }", TestName = "Validate_VariablesInsideNestedInputObjectLiterals_AreAcceptedByBothEngines")]
    public async Task Validate_ValidInputObjectUse_IsAcceptedByBothEngines(string operation)
    {
        // Arrange
        var files = InputSchema.SchemaAnd("/project/Check.graphql", operation);

        // Act
        var errors = await ValidateWithGraphQLDotNet(operation, _inputSchema);
        var run = GeneratorRunner.Run(files, InputSchema.Properties);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(run.Diagnostics, Is.Empty);
        });
    }

    [TestCase("mutation Check($books: [BookInpt!]!) { addBooks(books: $books) }", "KNOWN_TYPE_NAMES", "FTSG002", TestName = "Validate_VariableOfAnUnknownInputType_IsRejectedByBothEngines")]
    [TestCase("query Check($filter: BookInput) { shelfSize(filter: $filter) }", "VARIABLES_IN_ALLOWED_POSITION", "FTSG009", TestName = "Validate_VariableOfAnotherInputType_IsRejectedByBothEngines")]
    [TestCase("query Check($filter: [ShelfFilter]) { shelfSize(filter: $filter) }", "VARIABLES_IN_ALLOWED_POSITION", "FTSG009", TestName = "Validate_ListVariableForOneInputObject_IsRejectedByBothEngines")]
    [TestCase("mutation Check($title: String) { addBooks(books: [{ title: $title }]) }", "VARIABLES_IN_ALLOWED_POSITION", "FTSG009", TestName = "Validate_NullableVariableForARequiredInputField_IsRejectedByBothEngines")]
    [TestCase("mutation Check { addBooks(books: [{ id: \"1\" }]) }", "ARGUMENTS_OF_CORRECT_TYPE", "FTSG010", TestName = "Validate_InputObjectLiteralWithoutARequiredField_IsRejectedByBothEngines")]
    [TestCase("mutation Check { addBooks(books: [{ title: \"x\", titel: \"y\" }]) }", "ARGUMENTS_OF_CORRECT_TYPE", "FTSG013", TestName = "Validate_InputObjectLiteralWithAnUnknownField_IsRejectedByBothEngines")]
    [TestCase("mutation Check { addBooks(books: [{ title: \"x\", genre: POETRY }]) }", "ARGUMENTS_OF_CORRECT_TYPE", "FTSG016", TestName = "Validate_InputObjectLiteralWithAnUnknownEnumValue_IsRejectedByBothEngines")]
    [TestCase("mutation Check { addBooks(books: [{ title: \"x\", title: \"y\" }]) }", "UNIQUE_INPUT_FIELD_NAMES", "FTSG023", TestName = "Validate_InputObjectLiteralWithAFieldTwice_IsRejectedByBothEngines")]
    [TestCase("mutation Check($book: BookInput! = { id: \"1\" }) { addBooks(books: [$book]) }", "DEFAULT_VALUES_OF_CORRECT_TYPE", "FTSG010", TestName = "Validate_DefaultValueWithoutARequiredField_IsRejectedByBothEngines")]
    [TestCase("mutation Check($book: BookInput! = { title: 3 }) { addBooks(books: [$book]) }", "DEFAULT_VALUES_OF_CORRECT_TYPE", "FTSG016", TestName = "Validate_DefaultValueOfTheWrongType_IsRejectedByBothEngines")]
    public async Task Validate_InvalidInputObjectUse_IsRejectedByBothEngines(string operation, string graphQLDotNetCode, string generatorId)
    {
        // Arrange
        var files = InputSchema.SchemaAnd("/project/Check.graphql", operation);

        // Act
        var errors = await ValidateWithGraphQLDotNet(operation, _inputSchema);
        var run = GeneratorRunner.Run(files, InputSchema.Properties);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Some.StartWith(graphQLDotNetCode));
            Assert.That(run.Diagnostics.Select(d => d.Id), Has.Some.EqualTo(generatorId));
        });
    }

    // The spec's "All Variable Usages Are Allowed" takes the expected type of "the Argument,
    // ObjectField, or ListValue entry" where a variable is: a nullable variable may not be a
    // non-null list item. GraphQL.NET 8.8 checks arguments and input fields but not list items;
    // the generator follows the spec. Should GraphQL.NET start refusing these, they become
    // agreement cases above.
    [TestCase("mutation Check($book: BookInput) { addBooks(books: [$book]) }", TestName = "Validate_NullableVariableAsANonNullListItem_IsRefusedByTheGeneratorAsTheSpecSays")]
    [TestCase("mutation Check($author: AuthorInput) { addBooks(books: [{ title: \"x\", coAuthors: [$author] }]) }", TestName = "Validate_NullableVariableAsANonNullListItemInAnInputField_IsRefusedByTheGeneratorAsTheSpecSays")]
    public async Task Validate_NullableVariableAsANonNullListItem_IsRefusedByTheGeneratorAsTheSpecSays(string operation)
    {
        // Arrange
        var files = InputSchema.SchemaAnd("/project/Check.graphql", operation);

        // Act
        var errors = await ValidateWithGraphQLDotNet(operation, _inputSchema);
        var run = GeneratorRunner.Run(files, InputSchema.Properties);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty, "GraphQL.NET now checks list items: move this case to the agreement cases");
            Assert.That(run.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "FTSG009" }));
        });
    }

    private static GraphQLSchema BuildSchema(string sdl)
    {
        var schema = GraphQLSchema.For(sdl);

        // Schema-first GraphQL.NET needs a graph type for every custom scalar.
        foreach (var scalar in Parser.Parse(sdl).Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            schema.RegisterType(new OpaqueScalarGraphType(scalar.Name.StringValue));
        }

        schema.Initialize();
        return schema;
    }

    /// <summary>Runs GraphQL.NET's document validation; returns "CODE: message" per error.</summary>
    private async Task<List<string>> ValidateWithGraphQLDotNet(string operationText, GraphQLSchema? schema = null)
    {
        var document = Parser.Parse(operationText);

        // Without an Operation, variable values are not coerced (there are none); every rule runs.
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema ?? _schema,
            Document = document,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        });

        return result.Errors.Select(e => $"{e.Code}: {e.Message}").ToList();
    }
}
