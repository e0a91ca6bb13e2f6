using System.Globalization;
using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>
/// Checks the arguments given to a field and every literal value against its input type
/// (FTSG010, FTSG013, FTSG016, FTSG023), and records where variables are passed so that their
/// types can be checked once all usages are known.
/// </summary>
internal sealed class ArgumentValidator
{
    private readonly SchemaModel _schema;
    private readonly DiagnosticCollector _diagnostics;

    public ArgumentValidator(SchemaModel schema, DiagnosticCollector diagnostics)
    {
        _schema = schema;
        _diagnostics = diagnostics;
    }

    /// <param name="document">The file of the field.</param>
    /// <param name="field">The field whose arguments to check.</param>
    /// <param name="definition">The field's definition in the schema.</param>
    /// <param name="owner">The field for messages: <c>Query.sync_flight_tasks</c>.</param>
    /// <param name="usages">Collects the variables passed.</param>
    public void ValidateArguments(SourceDocument document, GraphQLField field, SchemaField definition, string owner, List<VariableUsage> usages) =>
        ValidateNamedValues(
            document,
            (field.Arguments ?? Enumerable.Empty<GraphQLArgument>()).Select(a => (a.Name, a.Value)),
            definition.Arguments,
            $"Field '{owner}'",
            "argument",
            name => $"Argument '{name}' of '{owner}'",
            field.Name,
            usages);

    /// <summary>Checks a value against the type expected where it is written.</summary>
    /// <param name="document">The file of the value.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">The type expected.</param>
    /// <param name="locationHasDefault">Whether the argument or input field has a default value.</param>
    /// <param name="what">What takes the value, for messages.</param>
    /// <param name="usages">Collects variables; <see langword="null"/> where only constants are allowed (default values).</param>
    public void ValidateValue(SourceDocument document, GraphQLValue value, TypeReference type, bool locationHasDefault, string what, List<VariableUsage>? usages)
    {
        if (value is GraphQLVariable variable)
        {
            if (usages is null)
            {
                Report(document, value, what, type, $"the variable '${variable.Name.StringValue}', and a default value must be a constant");
            }
            else
            {
                usages.Add(new VariableUsage(variable, document, type, locationHasDefault));
            }

            return;
        }

        if (value is GraphQLNullValue)
        {
            if (type.IsNonNull)
            {
                Report(document, value, what, type, "null");
            }

            return;
        }

        if (type.IsNonNull)
        {
            ValidateValue(document, value, type.OfType!, locationHasDefault: false, what, usages);
            return;
        }

        if (type.IsList)
        {
            // A single value where a list is expected is coerced to a list of one.
            IReadOnlyList<GraphQLValue> items = value is GraphQLListValue list ? (IReadOnlyList<GraphQLValue>?)list.Values ?? [] : [value];
            foreach (var item in items)
            {
                ValidateValue(document, item, type.OfType!, locationHasDefault: false, what, usages);
            }

            return;
        }

        var named = _schema.FindType(type.NamedType);
        switch (named?.Kind)
        {
            case SchemaTypeKind.Scalar when !ScalarAccepts(named, value):
                Report(document, value, what, type, Describe(value));
                break;
            case SchemaTypeKind.Enum:
                ValidateEnumValue(document, value, named, what, type);
                break;
            case SchemaTypeKind.InputObject:
                ValidateInputObject(document, value, named, what, type, usages);
                break;
        }
    }

    private void ValidateEnumValue(SourceDocument document, GraphQLValue value, SchemaType enumType, string what, TypeReference type)
    {
        if (value is not GraphQLEnumValue enumValue)
        {
            Report(document, value, what, type, $"{Describe(value)}; write one of {string.Join(", ", enumType.EnumValues)} without quotes");
            return;
        }

        var name = enumValue.Name.StringValue;
        if (!enumType.EnumValues.Contains(name))
        {
            Report(document, value, what, type, $"'{name}', which is not a value of enum '{enumType.Name}'; use one of {string.Join(", ", enumType.EnumValues)}");
        }
    }

    private void ValidateInputObject(SourceDocument document, GraphQLValue value, SchemaType inputType, string what, TypeReference type, List<VariableUsage>? usages)
    {
        if (value is not GraphQLObjectValue objectValue)
        {
            Report(document, value, what, type, Describe(value));
            return;
        }

        ValidateNamedValues(
            document,
            (objectValue.Fields ?? []).Select(f => (f.Name, f.Value)),
            inputType.InputFields,
            $"Input type '{inputType.Name}'",
            "field",
            name => $"Field '{name}' of input '{inputType.Name}'",
            objectValue,
            usages);
    }

    /// <summary>
    /// Checks the arguments of a field or the fields of an input object: each given once, each
    /// defined, each of its type, and every required one there (FTSG023, FTSG013, FTSG016, FTSG010).
    /// </summary>
    /// <param name="document">The file of the values.</param>
    /// <param name="values">The names and values written.</param>
    /// <param name="definitions">The definitions in the schema.</param>
    /// <param name="owner">What the values belong to, for messages: <c>Field 'Query.books'</c>.</param>
    /// <param name="member">What a value is called: <c>argument</c> or <c>field</c>.</param>
    /// <param name="describe">Describes one value by its name, for messages.</param>
    /// <param name="missingAt">Where a missing required value is reported.</param>
    /// <param name="usages">Collects variables; <see langword="null"/> where only constants are allowed.</param>
    private void ValidateNamedValues(
        SourceDocument document,
        IEnumerable<(GraphQLName Name, GraphQLValue Value)> values,
        IReadOnlyList<SchemaInputValue> definitions,
        string owner,
        string member,
        Func<string, string> describe,
        ASTNode missingAt,
        List<VariableUsage>? usages)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (nameNode, value) in values)
        {
            var name = nameNode.StringValue;
            if (!given.Add(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, document.LocationOf(nameNode), Emitting.CSharpNames.UpperFirst(member), name);
                continue;
            }

            var definition = definitions.FirstOrDefault(d => d.Name == name);
            if (definition is null)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnknownArgument,
                    document.LocationOf(nameNode),
                    owner,
                    member,
                    name,
                    NameSuggestion.For(name, definitions.Select(d => d.Name)));
                continue;
            }

            ValidateValue(document, value, definition.Type, definition.HasDefault, describe(name), usages);
        }

        foreach (var definition in definitions)
        {
            if (definition.IsRequired && !given.Contains(definition.Name))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.MissingRequiredArgument,
                    document.LocationOf(missingAt),
                    owner,
                    member,
                    definition.Name,
                    definition.Type.ToString());
            }
        }
    }

    private static bool ScalarAccepts(SchemaType scalar, GraphQLValue value) => scalar.Name switch
    {
        "Int" => value is GraphQLIntValue integer && int.TryParse(integer.Value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "Float" => value is GraphQLIntValue or GraphQLFloatValue,
        "String" => value is GraphQLStringValue,
        "Boolean" => value is GraphQLBooleanValue,
        "ID" => value is GraphQLStringValue or GraphQLIntValue,

        // A custom scalar's literal form is the server's business.
        _ => true,
    };

    private static string Describe(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => $"the string \"{text.Value}\"",
        GraphQLIntValue integer => $"the integer {integer.Value}",
        GraphQLFloatValue number => $"the number {number.Value}",
        GraphQLBooleanValue boolean => $"the boolean {boolean.Value}",
        GraphQLEnumValue enumValue => $"the enum value {enumValue.Name.StringValue}",
        GraphQLListValue => "a list",
        GraphQLObjectValue => "an object",
        _ => value.Kind.ToString(),
    };

    private void Report(SourceDocument document, GraphQLValue value, string what, TypeReference type, string got) =>
        _diagnostics.Report(DiagnosticDescriptors.WrongLiteralType, document.LocationOf(value), what, type.ToString(), got);
}
