using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Diagnostics;

/// <summary>Diagnostics about whole files, the schema and the build properties.</summary>
public sealed class DocumentDiagnosticTests
{
    [Test]
    public void Generate_SyntaxError_ReportsFTSG001AtTheParsersPosition()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    title(\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG001", TestSchema.OperationsPath, 4, 3);
    }

    [Test]
    public void Generate_SyntaxErrorInTheSchema_ReportsFTSG001AndChecksNoOperation()
    {
        // Arrange
        var files = new[] { (TestSchema.Path, "type Query {\n  books: [Book!]!\n"), (TestSchema.OperationsPath, "query Q { books { title } }") };

        // Act
        var run = GeneratorRunner.Run(files);

        // Assert: the parser places the end of the file after the last line break; the diagnostic
        // shows it at the end of the last line, where the missing '}' belongs.
        DiagnosticAssert.Single(run, "FTSG001", TestSchema.Path, 2, 18);
    }

    [Test]
    public void Generate_NoSchemaFile_ReportsFTSG014OnTheFirstOperation()
    {
        // Arrange
        var files = new[] { (TestSchema.OperationsPath, "# books\nquery Q { books { title } }") };

        // Act
        var run = GeneratorRunner.Run(files);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG014", TestSchema.OperationsPath, 2, 1);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.StartWith("No schema file"));
    }

    [Test]
    public void Generate_SchemaFieldOfUnknownType_ReportsFTSG014AtTheType()
    {
        // Arrange
        var files = new[] { (TestSchema.Path, "type Query {\n  books: [Bok!]!\n}\ntype Book { title: String }"), (TestSchema.OperationsPath, "query Q { __typename }") };

        // Act
        var run = GeneratorRunner.Run(files);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG014", TestSchema.Path, 2, 11);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("Unknown type 'Bok'").And.Contain("did you mean 'Book'?"));
    }

    [Test]
    public void Generate_RuntimeTypeThatIsNotSupported_ReportsFTSG014AtTheValue()
    {
        // Arrange
        const string extensions = "extend scalar DateTime @runtimeType(name: \"NodaTime.Instant\")\n";
        var files = new[] { (TestSchema.Path, TestSchema.Text), ("/project/GraphQL/schema.extensions.graphql", extensions), (TestSchema.OperationsPath, "query Q { books { title } }") };

        // Act
        var run = GeneratorRunner.Run(files);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG014", "/project/GraphQL/schema.extensions.graphql", 1, 43);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("DateTimeOffset, JsonElement"));
    }

    [Test]
    public void Generate_RenameToAnInvalidIdentifier_ReportsFTSG014()
    {
        // Arrange
        const string extensions = "extend enum Genre @rename(name: \"Book Genre\")\n";
        var files = new[] { (TestSchema.Path, TestSchema.Text), ("/project/GraphQL/schema.extensions.graphql", extensions), (TestSchema.OperationsPath, "query Q { books { genre } }") };

        // Act
        var run = GeneratorRunner.Run(files);

        // Assert
        DiagnosticAssert.Single(run, "FTSG014", "/project/GraphQL/schema.extensions.graphql", 1, 33);
    }

    [Test]
    public void Generate_FileMixingSchemaAndOperations_ReportsFTSG017AtTheFirstDefinitionOfTheOtherKind()
    {
        // Arrange
        const string operations = "query Q { books { title } }\n\ntype Extra { a: Int }\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG017", TestSchema.OperationsPath, 3, 1);
    }

    [Test]
    public void Generate_AccessModifierThatIsNotPublicOrInternal_ReportsFTSG018WithoutAFile()
    {
        // Arrange
        var properties = new Dictionary<string, string>(TestInputs.ClientProperties) { ["GraphQLClientAccessModifier"] = "protected" };

        // Act
        var run = GeneratorRunner.Run(TestInputs.GraphQLFiles(), properties);

        // Assert
        Assert.That(run.Diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics[0].Id, Is.EqualTo("FTSG018"));
            Assert.That(run.Diagnostics[0].Location, Is.EqualTo(Location.None));
            Assert.That(DiagnosticAssert.Message(run.Diagnostics[0]), Does.Contain("'GraphQLClientAccessModifier' is 'protected'").And.Contain("'public' or 'internal'"));
            Assert.That(run.Sources, Is.Empty);
        });
    }

    [Test]
    public void Generate_ClientNameThatIsNotAnIdentifier_ReportsFTSG018()
    {
        // Arrange
        var properties = new Dictionary<string, string>(TestInputs.ClientProperties) { ["GraphQLClientName"] = "Field Agent" };

        // Act
        var run = GeneratorRunner.Run(TestInputs.GraphQLFiles(), properties);

        // Assert
        Assert.That(run.Diagnostics.Single().Id, Is.EqualTo("FTSG018"));
    }
}
