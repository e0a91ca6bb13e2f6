using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Diagnostics;

/// <summary>Diagnostics about operations and their variables.</summary>
public sealed class OperationDiagnosticTests
{
    [Test]
    public void Generate_UnknownVariableType_ReportsFTSG002()
    {
        // Arrange
        const string operations = "query Q($genre: Genr) {\n  books(genre: $genre) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG002", TestSchema.OperationsPath, 1, 17);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("did you mean 'Genre'?"));
    }

    [Test]
    public void Generate_UndefinedVariable_ReportsFTSG007AtTheUsage()
    {
        // Arrange
        const string operations = "query Q {\n  book(id: $id) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG007", TestSchema.OperationsPath, 2, 12);
    }

    [Test]
    public void Generate_UnusedVariable_ReportsFTSG008AtTheDefinition()
    {
        // Arrange
        const string operations = "query Q($unused: Int) {\n  books { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG008", TestSchema.OperationsPath, 1, 9);
    }

    [Test]
    public void Generate_NullableVariableForANonNullArgument_ReportsFTSG009()
    {
        // Arrange
        const string operations = "query Q($id: ID) {\n  book(id: $id) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG009", TestSchema.OperationsPath, 2, 12);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Variable '$id' of type 'ID' cannot be used where 'ID!' is expected: declare it 'ID!', or give it a non-null default value"));
    }

    [Test]
    public void Generate_ListOfNullableForAListOfNonNull_ReportsFTSG009()
    {
        // Arrange
        const string operations = "query Q($tags: [String]) {\n  books(tags: $tags) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG009", TestSchema.OperationsPath, 2, 15);
    }

    [Test]
    public void Generate_NullableVariableWithANonNullDefault_IsAllowedInANonNullPosition()
    {
        // Arrange
        const string operations = "query Q($id: ID = \"1\") {\n  book(id: $id) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        Assert.That(run.Diagnostics, Is.Empty);
    }

    [Test]
    public void Generate_SameOperationNameInTwoFiles_ReportsFTSG011InTheSecondFile()
    {
        // Arrange
        var files = new[]
        {
            (TestSchema.Path, TestSchema.Text),
            ("/project/GraphQL/A.graphql", "query Books { books { title } }\n"),
            ("/project/GraphQL/B.graphql", "# again\nquery Books { books { id } }\n"),
        };

        // Act
        var run = GeneratorRunner.Run(files);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG011", "/project/GraphQL/B.graphql", 2, 7);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("/project/GraphQL/A.graphql"));
    }

    [Test]
    public void Generate_AnonymousQuery_ReportsFTSG012AtTheKeyword()
    {
        // Arrange
        const string operations = "\n  query {\n  books { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG012", TestSchema.OperationsPath, 2, 3);
    }

    [Test]
    public void Generate_ShorthandQuery_ReportsFTSG012AtTheBrace()
    {
        // Arrange
        const string operations = "{ books { title } }\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG012", TestSchema.OperationsPath, 1, 1);
    }

    [Test]
    public void Generate_Subscription_ReportsFTSG015()
    {
        // Arrange
        const string operations = "subscription Added {\n  bookAdded { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG015", TestSchema.OperationsPath, 1, 1);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.StartWith("A subscription is not supported by the generated client"));
    }

    [Test]
    public void Generate_InputObjectLiteral_IsChecked()
    {
        // Arrange: name is required in ShelfFilter.
        const string operations = "query Q {\n  shelf(filter: { limit: 3 }) { name }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG010", TestSchema.OperationsPath, 2, 17);
    }

    [Test]
    public void Generate_VariableDeclaredTwice_ReportsFTSG023()
    {
        // Arrange
        const string operations = "query Q($n: Int, $n: Int) {\n  books(first: $n) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG023", TestSchema.OperationsPath, 1, 18);
    }

    [Test]
    public void Generate_VariableOfAnObjectType_ReportsFTSG024()
    {
        // Arrange
        const string operations = "query Q($book: Book) {\n  book(id: $book) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG024", TestSchema.OperationsPath, 1, 16);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Variable '$book' is of type 'Book', an object: variables take input types only (scalars, enums, input objects)"));
    }

    [Test]
    public void Generate_TwoOperationsWhoseTypeNamesDifferOnlyInCase_ReportsFTSG022()
    {
        // Arrange: books and Books both make BooksQuery.
        const string operations = "query Books { books { title } }\nquery books { books { id } }\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        Assert.That(run.Diagnostics.Select(d => d.Id).Distinct().Single(), Is.EqualTo("FTSG022"));
        Assert.That(run.Diagnostics[0].Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(2));
    }
}
