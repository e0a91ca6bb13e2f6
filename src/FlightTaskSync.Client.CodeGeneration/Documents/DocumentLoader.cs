using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Pipeline;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.CodeAnalysis.Text;

namespace FlightTaskSync.Client.CodeGeneration.Documents;

/// <summary>
/// Parses the <c>.graphql</c> files and sorts them: type-system definitions make a schema file,
/// operations and fragments an operations file. Syntax errors are FTSG001, mixed files FTSG017
/// (their definitions are still used, each in its role, so that every other error shows too).
/// </summary>
internal static class DocumentLoader
{
    private static readonly ParserOptions ParserOptions = new() { Ignore = IgnoreOptions.Comments };

    public static DocumentSet Load(IReadOnlyList<GraphQLSourceFile> files, DiagnosticCollector diagnostics)
    {
        var schema = new List<SourceDocument>();
        var operations = new List<SourceDocument>();
        var schemaIsIncomplete = false;

        foreach (var file in files)
        {
            var text = SourceText.From(file.Text);
            GraphQLDocument document;
            try
            {
                document = Parser.Parse(file.Text, ParserOptions);
            }
            catch (GraphQLParserException exception)
            {
                ReportSyntaxError(file, text, exception, diagnostics);
                schemaIsIncomplete |= LooksLikeSchema(file.Text);
                continue;
            }

            var source = new SourceDocument(file.Path, text, document);
            ASTNode? firstSchemaDefinition = null;
            ASTNode? firstExecutableDefinition = null;
            foreach (var definition in document.Definitions)
            {
                if (definition is GraphQLExecutableDefinition)
                {
                    firstExecutableDefinition ??= definition;
                }
                else
                {
                    firstSchemaDefinition ??= definition;
                }
            }

            if (firstSchemaDefinition is not null)
            {
                schema.Add(source);
            }

            if (firstExecutableDefinition is not null)
            {
                operations.Add(source);
            }

            if (firstSchemaDefinition is not null && firstExecutableDefinition is not null)
            {
                var later = firstSchemaDefinition.Location.Start > firstExecutableDefinition.Location.Start
                    ? firstSchemaDefinition
                    : firstExecutableDefinition;
                diagnostics.Report(
                    DiagnosticDescriptors.MixedDocument,
                    source.LocationOf(later),
                    later is GraphQLExecutableDefinition ? "an operation or fragment after type definitions" : "a type definition after operations");
            }
        }

        return new DocumentSet(schema, operations, schemaIsIncomplete);
    }

    private static void ReportSyntaxError(GraphQLSourceFile file, SourceText text, GraphQLParserException exception, DiagnosticCollector diagnostics)
    {
        // The parser counts lines and columns from 1.
        var lineIndex = Math.Max(0, Math.Min(exception.Location.Line - 1, text.Lines.Count - 1));
        var line = text.Lines[lineIndex];
        var start = Math.Min(line.Start + Math.Max(0, exception.Location.Column - 1), line.End);
        var end = Math.Min(start + 1, line.End);
        diagnostics.Report(
            DiagnosticDescriptors.SyntaxError,
            SourceDocument.LocationOf(text, file.Path, start, end),
            exception.Description);
    }

    /// <summary>Guesses the role of a file that does not parse, from its first token.</summary>
    private static bool LooksLikeSchema(string text)
    {
        try
        {
            var token = Lexer.Lex(text, 0);
            while (token.Kind == TokenKind.COMMENT)
            {
                token = Lexer.Lex(text, token.End);
            }

            if (token.Kind == TokenKind.BRACE_L || token.Kind == TokenKind.EOF)
            {
                return false;
            }

            var word = token.Value.ToString();
            return word is not ("query" or "mutation" or "subscription" or "fragment");
        }
        catch (GraphQLParserException)
        {
            return true;
        }
    }
}
