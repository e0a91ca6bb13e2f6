using System.Text;
using FlightTaskSync.Client.CodeGeneration.Validation;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Printing;

/// <summary>
/// Prints the document a generated operation sends: the operation alone, on one line, with its
/// fragment spreads expanded as inline fragments (<c>...on Type{...}</c>) and <c>__typename</c>
/// as the first selection of every selection set but the operation's own, so that the result
/// parser can tell the concrete type of every object.
/// </summary>
internal sealed class DocumentPrinter
{
    private readonly StringBuilder _text = new();
    private readonly FragmentIndex _fragments;

    private DocumentPrinter(FragmentIndex fragments)
    {
        _fragments = fragments;
    }

    public static string Print(GraphQLOperationDefinition operation, FragmentIndex fragments)
    {
        var printer = new DocumentPrinter(fragments);
        printer.PrintOperation(operation);
        return printer._text.ToString();
    }

    /// <summary>Prints arguments sorted by name, to compare two selections of one field.</summary>
    public static string ArgumentsKey(GraphQLArguments? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return string.Empty;
        }

        var printer = new DocumentPrinter(null!);
        foreach (var argument in arguments.OrderBy(a => a.Name.StringValue, StringComparer.Ordinal))
        {
            printer._text.Append(argument.Name.StringValue).Append(':');
            printer.PrintValue(argument.Value);
            printer._text.Append(',');
        }

        return printer._text.ToString();
    }

    private void PrintOperation(GraphQLOperationDefinition operation)
    {
        _text.Append(operation.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        });

        if (operation.Name is not null)
        {
            _text.Append(' ').Append(operation.Name.StringValue);
        }

        if (operation.Variables is { Count: > 0 } variables)
        {
            _text.Append('(');
            for (var i = 0; i < variables.Count; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                _text.Append('$').Append(variables[i].Variable.Name.StringValue).Append(':');
                PrintType(variables[i].Type);
                if (variables[i].DefaultValue is { } defaultValue)
                {
                    _text.Append('=');
                    PrintValue(defaultValue);
                }
            }

            _text.Append(')');
        }

        PrintSelectionSet(operation.SelectionSet, addTypename: false);
    }

    private void PrintSelectionSet(GraphQLSelectionSet selectionSet, bool addTypename)
    {
        _text.Append('{');
        var first = true;
        if (addTypename)
        {
            _text.Append("__typename");
            first = false;
        }

        foreach (var selection in selectionSet.Selections)
        {
            // The __typename put first already stands for an unaliased one written by hand.
            if (addTypename && selection is GraphQLField { Alias: null } field && field.Name.StringValue == "__typename")
            {
                continue;
            }

            if (!first)
            {
                _text.Append(' ');
            }

            first = false;
            PrintSelection(selection);
        }

        _text.Append('}');
    }

    private void PrintSelection(ASTNode selection)
    {
        switch (selection)
        {
            case GraphQLField field:
                if (field.Alias is not null)
                {
                    _text.Append(field.Alias.Name.StringValue).Append(':');
                }

                _text.Append(field.Name.StringValue);
                if (field.Arguments is { Count: > 0 } arguments)
                {
                    _text.Append('(');
                    for (var i = 0; i < arguments.Count; i++)
                    {
                        if (i > 0)
                        {
                            _text.Append(',');
                        }

                        _text.Append(arguments[i].Name.StringValue).Append(':');
                        PrintValue(arguments[i].Value);
                    }

                    _text.Append(')');
                }

                if (field.SelectionSet is not null)
                {
                    PrintSelectionSet(field.SelectionSet, addTypename: true);
                }

                break;

            case GraphQLInlineFragment inlineFragment:
                _text.Append("...");
                if (inlineFragment.TypeCondition is not null)
                {
                    _text.Append("on ").Append(inlineFragment.TypeCondition.Type.Name.StringValue);
                }

                PrintSelectionSet(inlineFragment.SelectionSet, addTypename: true);
                break;

            case GraphQLFragmentSpread spread:
                var fragment = _fragments.Find(spread.FragmentName.Name.StringValue)!;
                _text.Append("...on ").Append(fragment.Definition.TypeCondition.Type.Name.StringValue);
                PrintSelectionSet(fragment.Definition.SelectionSet, addTypename: true);
                break;
        }
    }

    private void PrintType(GraphQLType type)
    {
        switch (type)
        {
            case GraphQLNonNullType nonNull:
                PrintType(nonNull.Type);
                _text.Append('!');
                break;
            case GraphQLListType list:
                _text.Append('[');
                PrintType(list.Type);
                _text.Append(']');
                break;
            case GraphQLNamedType named:
                _text.Append(named.Name.StringValue);
                break;
        }
    }

    private void PrintValue(GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                _text.Append('$').Append(variable.Name.StringValue);
                break;
            case GraphQLStringValue text:
                PrintString(text.Value.ToString());
                break;
            case GraphQLIntValue integer:
                _text.Append(integer.Value.ToString());
                break;
            case GraphQLFloatValue number:
                _text.Append(number.Value.ToString());
                break;
            case GraphQLBooleanValue boolean:
                _text.Append(boolean.BoolValue ? "true" : "false");
                break;
            case GraphQLNullValue:
                _text.Append("null");
                break;
            case GraphQLEnumValue enumValue:
                _text.Append(enumValue.Name.StringValue);
                break;
            case GraphQLListValue list:
                _text.Append('[');
                var items = list.Values ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(',');
                    }

                    PrintValue(items[i]);
                }

                _text.Append(']');
                break;
            case GraphQLObjectValue objectValue:
                _text.Append('{');
                var fields = objectValue.Fields ?? [];
                for (var i = 0; i < fields.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(',');
                    }

                    _text.Append(fields[i].Name.StringValue).Append(':');
                    PrintValue(fields[i].Value);
                }

                _text.Append('}');
                break;
        }
    }

    // Block strings are printed as ordinary strings: the value is the same, on one line.
    private void PrintString(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        _text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }
}
