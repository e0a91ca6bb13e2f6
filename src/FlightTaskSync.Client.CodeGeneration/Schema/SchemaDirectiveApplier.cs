using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Emitting;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>
/// Applies the client-side schema directives: <c>@runtimeType(name:)</c> on scalars and
/// <c>@rename(name:)</c> on enums, objects, interfaces, unions and input objects. Other
/// directives (such as <c>@deprecated</c>) do not change the generated code.
/// </summary>
internal static class SchemaDirectiveApplier
{
    public const string RuntimeType = "runtimeType";
    public const string Rename = "rename";

    public static void Apply(IEnumerable<SchemaDirectiveUse> uses, DiagnosticCollector diagnostics)
    {
        foreach (var use in uses)
        {
            var directiveName = use.Directive.Name.StringValue;
            if (directiveName == RuntimeType)
            {
                ApplyRuntimeType(use, diagnostics);
            }
            else if (directiveName == Rename)
            {
                ApplyRename(use, diagnostics);
            }
        }
    }

    private static void ApplyRuntimeType(SchemaDirectiveUse use, DiagnosticCollector diagnostics)
    {
        if (use.Type.Kind != SchemaTypeKind.Scalar)
        {
            Report(use, use.Directive, $"@runtimeType applies to scalars only, but '{use.Type.Name}' is {use.Type.KindWithArticle}");
            return;
        }

        var value = ReadName(use, diagnostics, "DateTimeOffset");
        if (value is null)
        {
            return;
        }

        var runtimeType = ScalarRuntimeType.FromDirectiveValue(value.Value.ToString());
        if (runtimeType is null)
        {
            Report(use, value, $"@runtimeType(name: \"{value.Value}\") on scalar '{use.Type.Name}' names no supported .NET type; use one of {ScalarRuntimeType.ChoiceList}");
            return;
        }

        use.Type.RuntimeType = runtimeType;

        void Report(SchemaDirectiveUse u, ASTNode node, string message) =>
            diagnostics.Report(DiagnosticDescriptors.SchemaProblem, u.Document.LocationOf(node), message);
    }

    private static void ApplyRename(SchemaDirectiveUse use, DiagnosticCollector diagnostics)
    {
        if (use.Type.Kind == SchemaTypeKind.Scalar)
        {
            diagnostics.Report(
                DiagnosticDescriptors.SchemaProblem,
                use.Document.LocationOf(use.Directive),
                $"@rename does not apply to scalar '{use.Type.Name}': a scalar's .NET type is set with @runtimeType");
            return;
        }

        var value = ReadName(use, diagnostics, "MyTypeName");
        if (value is null)
        {
            return;
        }

        var name = value.Value.ToString();
        if (!CSharpNames.IsValidIdentifier(name))
        {
            diagnostics.Report(
                DiagnosticDescriptors.SchemaProblem,
                use.Document.LocationOf(value),
                $"@rename(name: \"{name}\") on '{use.Type.Name}' is not a C# identifier; use a name such as 'FieldAgentTaskStatus'");
            return;
        }

        use.Type.DotNetName = name;
    }

    private static GraphQLStringValue? ReadName(SchemaDirectiveUse use, DiagnosticCollector diagnostics, string example)
    {
        var value = use.Directive.Arguments?.ValueFor("name");
        if (value is GraphQLStringValue text)
        {
            return text;
        }

        diagnostics.Report(
            DiagnosticDescriptors.SchemaProblem,
            use.Document.LocationOf((ASTNode?)value ?? use.Directive),
            $"@{use.Directive.Name.StringValue} on '{use.Type.Name}' needs a string argument 'name', e.g. @{use.Directive.Name.StringValue}(name: \"{example}\")");
        return null;
    }
}
