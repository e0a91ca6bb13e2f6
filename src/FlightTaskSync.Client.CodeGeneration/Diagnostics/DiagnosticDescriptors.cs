using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports: all errors, since code generated from an invalid
/// document would be wrong. docs/generated-client.md lists them with examples.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "FlightTaskSync.GraphQL";

    public static readonly DiagnosticDescriptor SyntaxError = Error(
        "FTSG001", "GraphQL syntax error", "GraphQL syntax error: {0}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "FTSG002", "Unknown type", "Unknown type '{0}': the schema defines no type of that name{1}");

    public static readonly DiagnosticDescriptor UnknownField = Error(
        "FTSG003", "Unknown field", "Type '{0}' has no field '{1}'{2}");

    public static readonly DiagnosticDescriptor FragmentCannotApply = Error(
        "FTSG004", "Fragment can never apply", "{0} can never apply: its type '{1}' has no object type in common with '{2}'; use a type that '{2}' can be");

    public static readonly DiagnosticDescriptor LeafFieldWithSelection = Error(
        "FTSG005", "Selection set on a leaf field", "Field '{0}' is of type '{1}', {2} that has no fields: remove its selection set");

    public static readonly DiagnosticDescriptor CompositeFieldWithoutSelection = Error(
        "FTSG006", "Object field without a selection set", "Field '{0}' is of type '{1}', which has fields: add a selection set, for example '{0} {{ {2} }}'");

    public static readonly DiagnosticDescriptor UndefinedVariable = Error(
        "FTSG007", "Undefined variable", "Variable '${0}' is used but operation '{1}' does not declare it: add '${0}: <Type>' to its variable definitions");

    public static readonly DiagnosticDescriptor UnusedVariable = Error(
        "FTSG008", "Unused variable", "Variable '${0}' is declared but operation '{1}' never uses it: remove it or pass it to an argument");

    public static readonly DiagnosticDescriptor IncompatibleVariable = Error(
        "FTSG009", "Variable type not allowed here", "Variable '${0}' of type '{1}' cannot be used where '{2}' is expected{3}");

    public static readonly DiagnosticDescriptor MissingRequiredArgument = Error(
        "FTSG010", "Required argument missing", "{0} requires {1} '{2}' of type '{3}': add '{2}: <value>'");

    public static readonly DiagnosticDescriptor DuplicateOperationName = Error(
        "FTSG011", "Duplicate operation name", "Operation name '{0}' is already used in '{1}': every operation needs a unique name");

    public static readonly DiagnosticDescriptor AnonymousOperation = Error(
        "FTSG012", "Anonymous operation", "This {0} has no name: the generated client needs one to name its types, for example '{0} MyOperation'");

    public static readonly DiagnosticDescriptor UnknownArgument = Error(
        "FTSG013", "Unknown argument", "{0} has no {1} '{2}'{3}");

    public static readonly DiagnosticDescriptor SchemaProblem = Error(
        "FTSG014", "Schema problem", "{0}");

    public static readonly DiagnosticDescriptor Unsupported = Error(
        "FTSG015", "Not supported by the generated client", "{0} is not supported by the generated client{1}");

    public static readonly DiagnosticDescriptor WrongLiteralType = Error(
        "FTSG016", "Argument value of the wrong type", "{0} expects a value of type '{1}' but got {2}");

    public static readonly DiagnosticDescriptor MixedDocument = Error(
        "FTSG017", "Schema and operations in one file", "This file mixes schema definitions and operations ({0}): keep the schema and the operations in separate .graphql files");

    public static readonly DiagnosticDescriptor BadBuildProperty = Error(
        "FTSG018", "Bad build property", "Build property '{0}' is '{1}': {2}");

    public static readonly DiagnosticDescriptor FragmentProblem = Error(
        "FTSG019", "Fragment problem", "{0}");

    public static readonly DiagnosticDescriptor SelectionConflict = Error(
        "FTSG020", "Selections cannot merge", "'{0}' at '{1}' {2}: give one of them an alias, for example '{3}'");

    public static readonly DiagnosticDescriptor FragmentOnLeafType = Error(
        "FTSG021", "Fragment on a type without fields", "{0} is on '{1}', {2}: fragments apply to object, interface or union types only");

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Error(
        "FTSG022", "Generated names collide", "{0}");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "FTSG023", "Name given twice", "{0} '{1}' is given more than once: keep one");

    public static readonly DiagnosticDescriptor VariableNotInputType = Error(
        "FTSG024", "Variable of an output type", "Variable '${0}' is of type '{1}', {2}: variables take input types only (scalars, enums, input objects)");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "FTSG999", "Internal generator error", "Internal generator error, please report it with the .graphql files that cause it: {0}");

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
