using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;
using GraphQLParser;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Tests;

public sealed class OperationDocumentTests
{
    [Test]
    public void Generate_ClientProjectOperation_PutsTypenameFirstInEveryNonRootSelectionSet()
    {
        // Arrange
        var operation = ParseGeneratedDocument(GeneratorRunner.RunOnClientProject(), "SyncFlightTasksQuery.g.cs");
        var nonRootSets = new List<GraphQLSelectionSet>();
        foreach (var selection in operation.SelectionSet.Selections)
        {
            CollectSelectionSets(selection, nonRootSets);
        }

        // Act
        var firsts = nonRootSets.Select(set => set.Selections[0] is GraphQLField { Alias: null } field ? field.Name.StringValue : "(other)").ToList();
        var typenameCounts = nonRootSets.Select(set => set.Selections.OfType<GraphQLField>().Count(f => f.Name.StringValue == "__typename")).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(nonRootSets, Has.Count.EqualTo(13), "sync_flight_tasks, failed, deleted, upserted, the FlightTask fragment and its eight object fields");
            Assert.That(firsts, Is.All.EqualTo("__typename"));
            Assert.That(typenameCounts, Is.All.EqualTo(1));
            Assert.That(operation.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue), Does.Not.Contain("__typename"));
        });
    }

    [Test]
    public void Generate_ClientProjectOperation_PrintsTheOperationOnOneLine()
    {
        // Arrange
        var run = GeneratorRunner.RunOnClientProject();

        // Act
        var text = DocumentText(run, "SyncFlightTasksQuery.g.cs");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("query SyncFlightTasks($organizationSenteraId:ID!,$contentHashes:[String!]!,$includeDescendantOrganizations:Boolean){sync_flight_tasks(organization_sentera_id:$organizationSenteraId,content_hashes:$contentHashes,include_descendant_organizations:$includeDescendantOrganizations){__typename remaining_count failed{__typename key "));
            Assert.That(text, Does.Not.Contain("\n").And.Not.Contain("#"));
            Assert.That(run.Sources["SyncFlightTasksQuery.g.cs"], Does.Contain("public static global::System.ReadOnlySpan<byte> Document => \"" + text + "\"u8;"));
        });
    }

    [Test]
    public void Generate_NamedFragmentSpread_IsPrintedAsAnInlineFragment()
    {
        // Arrange
        const string operations = "query Q {\n  search(text: \"dune\") {\n    ...BookFields\n    ... on Author { __typename name }\n  }\n}\nfragment BookFields on Book { title author { name } }\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(DocumentText(run, "QQuery.g.cs"), Is.EqualTo("query Q{search(text:\"dune\"){__typename ...on Book{__typename title author{__typename name}} ...on Author{__typename name}}}"));
        });
    }

    [Test]
    public void Generate_Literals_ArePrintedAsGraphQLValues()
    {
        // Arrange
        const string operations = "query Q($n: Int = 5) {\n  books(first: $n, genre: SCIENCE_FICTION, tags: [\"a \\\"b\\\"\", \"\"\"block\"\"\"]) { title }\n  shelf(filter: { name: \"top\", limit: null }) { name }\n}\n";

        // Act
        var run = GeneratorRunner.RunWithTestSchema(operations);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(DocumentText(run, "QQuery.g.cs"), Is.EqualTo("query Q($n:Int=5){books(first:$n,genre:SCIENCE_FICTION,tags:[\"a \\\"b\\\"\",\"block\"]){__typename title} shelf(filter:{name:\"top\",limit:null}){__typename name}}"));
        });
    }

    private static string DocumentText(GeneratorRun run, string hintName)
    {
        var source = run.Sources[hintName];
        var line = source.Split('\n').Single(l => l.Contains("public const string Text = ", StringComparison.Ordinal));
        var literal = line[(line.IndexOf('"', StringComparison.Ordinal) + 1)..line.LastIndexOf('"')];
        return literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private static GraphQLOperationDefinition ParseGeneratedDocument(GeneratorRun run, string hintName) =>
        Parser.Parse(DocumentText(run, hintName)).Definitions.OfType<GraphQLOperationDefinition>().Single();

    private static void CollectSelectionSets(ASTNode selection, List<GraphQLSelectionSet> sets)
    {
        var set = selection switch
        {
            GraphQLField field => field.SelectionSet,
            GraphQLInlineFragment fragment => fragment.SelectionSet,
            _ => null,
        };

        if (set is null)
        {
            return;
        }

        sets.Add(set);
        foreach (var child in set.Selections)
        {
            CollectSelectionSets(child, sets);
        }
    }
}
