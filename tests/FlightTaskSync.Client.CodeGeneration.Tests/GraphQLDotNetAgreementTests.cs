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

    private GraphQLSchema _schema = null!;

    public static IEnumerable<TestCaseData> ClientProjectOperationFiles() =>
        TestInputs.OperationFiles().Select(f => new TestCaseData(Path.GetFileName(f.Path)).SetArgDisplayNames(Path.GetFileName(f.Path)));

    [OneTimeSetUp]
    public void BuildSchema()
    {
        var sdl = TestInputs.SchemaText;
        _schema = GraphQLSchema.For(sdl);

        // Schema-first GraphQL.NET needs a graph type for every custom scalar.
        foreach (var scalar in Parser.Parse(sdl).Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            _schema.RegisterType(new OpaqueScalarGraphType(scalar.Name.StringValue));
        }

        _schema.Initialize();
    }

    [OneTimeTearDown]
    public void DisposeSchema() => _schema.Dispose();

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

    /// <summary>Runs GraphQL.NET's document validation; returns "CODE: message" per error.</summary>
    private async Task<List<string>> ValidateWithGraphQLDotNet(string operationText)
    {
        var document = Parser.Parse(operationText);

        // Without an Operation, variable values are not coerced (there are none); every rule runs.
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        });

        return result.Errors.Select(e => $"{e.Code}: {e.Message}").ToList();
    }
}
