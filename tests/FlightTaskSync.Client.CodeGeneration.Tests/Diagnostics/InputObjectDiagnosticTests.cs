using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Diagnostics;

/// <summary>Diagnostics about input objects: variables of input-object types, their default values, literals, and input types the client cannot generate.</summary>
public sealed class InputObjectDiagnosticTests
{
    private const string OperationsPath = "/project/GraphQL/Bad.graphql";

    [Test]
    public void Generate_InputObjectVariables_AreAccepted()
    {
        // Arrange: a list of input objects, a nullable one, one inside a list literal, one with a default.
        const string operations = """
            mutation Many($books: [BookInput!]!) { addBooks(books: $books) }
            mutation One($book: BookInput!) { addBooks(books: [$book]) }
            query Filtered($filter: ShelfFilter) { shelfSize(filter: $filter) }
            query Defaulted($filter: ShelfFilter = { name: "top", limit: null }) { shelfSize(filter: $filter) }
            """;

        // Act
        var run = Run(operations);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(run.Sources.Keys, Does.Contain("BookInput.g.cs"));
        });
    }

    [Test]
    public void Generate_VariableOfAnUnknownInputType_ReportsFTSG002WithASuggestion()
    {
        // Arrange
        const string operations = "mutation M($books: [BookInpt!]!) {\n  addBooks(books: $books)\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG002", OperationsPath, 1, 21);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("did you mean 'BookInput'?"));
    }

    [Test]
    public void Generate_VariableOfAnotherInputType_ReportsFTSG009AtTheUsage()
    {
        // Arrange
        const string operations = "query Q($filter: BookInput) {\n  shelfSize(filter: $filter)\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG009", OperationsPath, 2, 21);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Variable '$filter' of type 'BookInput' cannot be used where 'ShelfFilter' is expected: declare it 'ShelfFilter'"));
    }

    [Test]
    public void Generate_InputObjectVariableForAScalarArgument_ReportsFTSG009()
    {
        // Arrange
        const string operations = "query Q($filter: ShelfFilter) {\n  book(id: $filter) { title }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG009", TestSchema.OperationsPath, 2, 12);
    }

    [Test]
    public void Generate_NullableVariableForARequiredInputField_ReportsFTSG009()
    {
        // Arrange: BookInput.title is String! without a default.
        const string operations = "mutation M($title: String) {\n  addBooks(books: [{ title: $title }])\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG009", OperationsPath, 2, 29);
    }

    [Test]
    public void Generate_NullableVariableForANonNullInputFieldWithADefault_IsAllowed()
    {
        // Arrange: ShelfFilter.name is String! = "main", so a nullable variable may fill it.
        const string operations = "query Q($name: String) {\n  shelfSize(filter: { name: $name })\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        Assert.That(run.Diagnostics, Is.Empty);
    }

    [Test]
    public void Generate_DefaultValueWithoutARequiredField_ReportsFTSG010AtTheDefault()
    {
        // Arrange
        const string operations = "mutation M($book: BookInput = { id: \"1\" }) {\n  addBooks(books: [$book])\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG010", OperationsPath, 1, 31);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.StartWith("Input type 'BookInput' requires field 'title' of type 'String!'"));
    }

    [Test]
    public void Generate_DefaultValueWithAnUnknownField_ReportsFTSG013()
    {
        // Arrange
        const string operations = "mutation M($book: BookInput = { title: \"a\", titel: \"b\" }) {\n  addBooks(books: [$book])\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG013", OperationsPath, 1, 45);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("did you mean 'title'?"));
    }

    [Test]
    public void Generate_DefaultValueWithAValueOfTheWrongType_ReportsFTSG016()
    {
        // Arrange
        const string operations = "mutation M($book: BookInput = { title: 3 }) {\n  addBooks(books: [$book])\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG016", OperationsPath, 1, 40);
    }

    [Test]
    public void Generate_UnknownEnumValueInAnInputObjectLiteral_ReportsFTSG016()
    {
        // Arrange
        const string operations = "mutation M {\n  addBooks(books: [{ title: \"a\", genre: POETRY }])\n}\n";

        // Act
        var run = Run(operations);

        // Assert
        DiagnosticAssert.Single(run, "FTSG016", OperationsPath, 2, 41);
    }

    [Test]
    public void Generate_InputFieldsThatMakeTheSameProperty_ReportFTSG022AtTheSecondField()
    {
        // Arrange
        const string schema = "type Query { count(filter: Filter): Int }\ninput Filter {\n  page_size: Int\n  Page_size: Int\n}\n";
        const string operations = "query Q($filter: Filter) { count(filter: $filter) }";

        // Act
        var run = GeneratorRunner.Run([(TestSchema.Path, schema), (OperationsPath, operations)]);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG022", TestSchema.Path, 4, 3);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.Contain("would become the property 'Page_size' of class 'Filter', which is already taken by field 'page_size'"));
    }

    [Test]
    public void Generate_InputFieldNamedLikeItsClass_ReportsFTSG022()
    {
        // Arrange
        const string schema = "type Query { count(filter: Filter): Int }\ninput Filter {\n  filter: Int\n}\n";
        const string operations = "query Q($filter: Filter) { count(filter: $filter) }";

        // Act
        var run = GeneratorRunner.Run([(TestSchema.Path, schema), (OperationsPath, operations)]);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG022", TestSchema.Path, 3, 3);
        Assert.That(DiagnosticAssert.Message(diagnostic), Does.EndWith("give the input type another .NET name with @rename(name: ...)"));
    }

    [Test]
    public void Generate_InputTypeNamedLikeAGeneratedType_ReportsFTSG022()
    {
        // Arrange: the operation's variables class is QVariables too.
        const string schema = "type Query { count(filter: QVariables): Int }\ninput QVariables {\n  page: Int\n}\n";
        const string operations = "query Q($filter: QVariables) { count(filter: $filter) }";

        // Act
        var run = GeneratorRunner.Run([(TestSchema.Path, schema), (OperationsPath, operations)]);

        // Assert
        Assert.That(run.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "FTSG022" }));
    }

    [Test]
    public void Generate_InputTypesWhoseNonNullFieldsFormACycle_ReportFTSG014Once()
    {
        // Arrange: no value of A could ever be written; a nullable or list link would be fine.
        const string schema = "type Query { count(a: A): Int }\ninput A {\n  b: B!\n}\ninput B {\n  a: A!\n  more: [B!]\n  self: B\n}\n";
        const string operations = "query Q($a: A) { count(a: $a) }";

        // Act
        var run = GeneratorRunner.Run([(TestSchema.Path, schema), (OperationsPath, operations)]);

        // Assert
        var diagnostic = DiagnosticAssert.Single(run, "FTSG014", TestSchema.Path, 3, 3);
        Assert.That(DiagnosticAssert.Message(diagnostic), Is.EqualTo("Input type 'A' can never be written: its non-null fields lead back to it (A.b -> B.a -> A); make one of them nullable or a list"));
    }

    private static GeneratorRun Run(string operations) =>
        GeneratorRunner.Run(InputSchema.SchemaAnd(OperationsPath, operations), InputSchema.Properties);
}
