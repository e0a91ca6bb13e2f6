using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Diagnostics;

/// <summary>Diagnostics about fields, fragments and selection sets.</summary>
public sealed class SelectionDiagnosticTests
{
    [Test]
    public void Generate_UnknownTypeInATypeCondition_ReportsFTSG002()
    {
        // Arrange
        const string operations = "query Q {\n  search(text: \"dune\") {\n    ... on Magazine { __typename }\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG002", TestSchema.OperationsPath, 3, 12);
    }

    [Test]
    public void Generate_UnknownField_ReportsFTSG003NamingTypeAndField()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    titel\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG003", TestSchema.OperationsPath, 3, 5);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Type 'Book' has no field 'titel'; did you mean 'title'?"));
    }

    [Test]
    public void Generate_FragmentThatCanNeverApply_ReportsFTSG004()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    ... on Author { name }\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG004", TestSchema.OperationsPath, 3, 12);
    }

    [Test]
    public void Generate_SelectionSetOnALeafField_ReportsFTSG005()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    title { length }\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG005", TestSchema.OperationsPath, 3, 11);
    }

    [Test]
    public void Generate_ObjectFieldWithoutSelectionSet_ReportsFTSG006()
    {
        // Arrange
        const string operations = "query Q {\n  books\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG006", TestSchema.OperationsPath, 2, 3);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("'books { id }'"));
    }

    [Test]
    public void Generate_MissingRequiredArgument_ReportsFTSG010AtTheField()
    {
        // Arrange
        const string operations = "query Q {\n  book { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG010", TestSchema.OperationsPath, 2, 3);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Field 'Query.book' requires argument 'id' of type 'ID!': add 'id: <value>'"));
    }

    [Test]
    public void Generate_UnknownArgument_ReportsFTSG013()
    {
        // Arrange
        const string operations = "query Q {\n  books(frist: 3) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG013", TestSchema.OperationsPath, 2, 9);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("did you mean 'first'?"));
    }

    [Test]
    public void Generate_StringForAnIntArgument_ReportsFTSG016AtTheValue()
    {
        // Arrange
        const string operations = "query Q {\n  books(first: \"ten\") { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG016", TestSchema.OperationsPath, 2, 16);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Argument 'first' of 'Query.books' expects a value of type 'Int' but got the string \"ten\""));
    }

    [Test]
    public void Generate_UnknownEnumValueLiteral_ReportsFTSG016()
    {
        // Arrange
        const string operations = "query Q {\n  books(genre: POETRY) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG016", TestSchema.OperationsPath, 2, 16);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("FICTION, SCIENCE_FICTION, HISTORY"));
    }

    [Test]
    public void Generate_UnknownFragment_ReportsFTSG019()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    ...BookFields\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG019", TestSchema.OperationsPath, 3, 8);
    }

    [Test]
    public void Generate_FragmentCycle_ReportsFTSG019AtTheSpreadThatClosesIt()
    {
        // Arrange
        const string operations = "query Q {\n  books { ...A }\n}\n\nfragment A on Book { title ...B }\nfragment B on Book { id ...A }\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG019", TestSchema.OperationsPath, 6, 28);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("A -> B -> A"));
    }

    [Test]
    public void Generate_UnusedFragment_ReportsFTSG019()
    {
        // Arrange
        const string operations = "query Q {\n  books { title }\n}\n\nfragment Spare on Book { id }\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG019", TestSchema.OperationsPath, 5, 10);
    }

    [Test]
    public void Generate_OneResponseNameForTwoFields_ReportsFTSG020()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    label: title\n    label: genre\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG020", TestSchema.OperationsPath, 4, 5);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("alias"));
    }

    [Test]
    public void Generate_OnePathWithTwoShapes_ReportsFTSG020()
    {
        // Arrange: "related" would be ISearch_Related for a Book (an Author) and for an Author (a list of Books).
        const string operations = "query Q {\n  search(text: \"dune\") {\n    ... on Book { related: author { name } }\n    ... on Author { related: books { title } }\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG020", TestSchema.OperationsPath, 4, 21);
    }

    [Test]
    public void Generate_FragmentOnAnEnum_ReportsFTSG021()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    ... on Genre { __typename }\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG021", TestSchema.OperationsPath, 3, 12);
    }

    [Test]
    public void Generate_ResponseNameThatBecomesRawJson_ReportsFTSG022()
    {
        // Arrange
        const string operations = "query Q {\n  books {\n    rawJson: title\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG022", TestSchema.OperationsPath, 3, 5);
    }

    [Test]
    public void Generate_ArgumentGivenTwice_ReportsFTSG023()
    {
        // Arrange
        const string operations = "query Q {\n  books(first: 1, first: 2) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG023", TestSchema.OperationsPath, 2, 19);
    }

    [Test]
    public void Generate_SkipDirective_ReportsFTSG015()
    {
        // Arrange
        const string operations = "query Q($short: Boolean!) {\n  books {\n    title @skip(if: $short)\n  }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG015", TestSchema.OperationsPath, 3, 11);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.StartWith("Directive '@skip' on a field is not supported by the generated client"));
    }
}
