using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>
/// Checks one operation against the schema, following its fragment spreads: fields and their
/// arguments, leaf and composite selections, fragments and type conditions, directives, and
/// the operation's variables.
/// </summary>
internal sealed class OperationValidator
{
    private readonly SchemaModel _schema;
    private readonly FragmentIndex _fragments;
    private readonly DiagnosticCollector _diagnostics;
    private readonly ArgumentValidator _arguments;
    private readonly VariableChecker _variables;
    private readonly List<VariableUsage> _usages = [];
    private readonly List<string> _fragmentPath = [];

    public OperationValidator(SchemaModel schema, FragmentIndex fragments, DiagnosticCollector diagnostics)
    {
        _schema = schema;
        _fragments = fragments;
        _diagnostics = diagnostics;
        _arguments = new ArgumentValidator(schema, diagnostics);
        _variables = new VariableChecker(schema, _arguments, diagnostics);
    }

    public void Validate(SourceDocument document, GraphQLOperationDefinition operation, SchemaType rootType)
    {
        _usages.Clear();
        _fragmentPath.Clear();
        var declared = _variables.Declare(document, operation);
        CheckDirectives(document, operation.Directives, "an operation");
        ValidateSelectionSet(document, operation.SelectionSet, rootType);
        _variables.CheckUsages(document, operation, declared, _usages);
    }

    private void ValidateSelectionSet(SourceDocument document, GraphQLSelectionSet selectionSet, SchemaType parent)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    CheckDirectives(document, field.Directives, "a field");
                    ValidateField(document, field, parent);
                    break;
                case GraphQLInlineFragment inlineFragment:
                    CheckDirectives(document, inlineFragment.Directives, "an inline fragment");
                    ValidateInlineFragment(document, inlineFragment, parent);
                    break;
                case GraphQLFragmentSpread spread:
                    CheckDirectives(document, spread.Directives, "a fragment spread");
                    ValidateSpread(document, spread, parent);
                    break;
            }
        }
    }

    private void ValidateField(SourceDocument document, GraphQLField field, SchemaType parent)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            ValidateTypenameField(document, field);
            return;
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            _diagnostics.Report(DiagnosticDescriptors.Unsupported, document.LocationOf(field.Name), $"Introspection field '{name}'", ": the client is generated from the schema files, so it never needs to introspect");
            return;
        }

        var definition = parent.FindField(name);
        if (definition is null)
        {
            var hint = parent.Kind == SchemaTypeKind.Union
                ? $"; '{parent.Name}' is a union, so select fields inside '... on <MemberType> {{ }}'"
                : NameSuggestion.For(name, parent.Fields.Select(f => f.Name));
            _diagnostics.Report(DiagnosticDescriptors.UnknownField, document.LocationOf(field.Name), parent.Name, name, hint);
            return;
        }

        _arguments.ValidateArguments(document, field, definition, $"{parent.Name}.{name}", _usages);

        var fieldType = _schema.FindType(definition.Type.NamedType)!;
        if (fieldType.IsLeaf)
        {
            if (field.SelectionSet is not null)
            {
                _diagnostics.Report(DiagnosticDescriptors.LeafFieldWithSelection, document.LocationOf(field.SelectionSet), name, definition.Type.ToString(), fieldType.KindWithArticle);
            }

            return;
        }

        if (field.SelectionSet is null)
        {
            var example = fieldType.Fields.Count > 0 ? fieldType.Fields[0].Name : "__typename";
            _diagnostics.Report(DiagnosticDescriptors.CompositeFieldWithoutSelection, document.LocationOf(field.Name), name, definition.Type.ToString(), example);
            return;
        }

        ValidateSelectionSet(document, field.SelectionSet, fieldType);
    }

    private void ValidateTypenameField(SourceDocument document, GraphQLField field)
    {
        foreach (var argument in field.Arguments ?? Enumerable.Empty<GraphQLArgument>())
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownArgument, document.LocationOf(argument.Name), "Field '__typename'", "argument", argument.Name.StringValue, string.Empty);
        }

        if (field.SelectionSet is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.LeafFieldWithSelection, document.LocationOf(field.SelectionSet), "__typename", "String!", "a scalar");
        }
    }

    private void ValidateInlineFragment(SourceDocument document, GraphQLInlineFragment fragment, SchemaType parent)
    {
        var target = parent;
        if (fragment.TypeCondition is { } condition)
        {
            var type = FragmentIndex.ResolveTypeCondition(document, condition, "This inline fragment", _schema, _diagnostics);
            if (type is null)
            {
                return;
            }

            if (type != parent && !type.Overlaps(parent))
            {
                _diagnostics.Report(DiagnosticDescriptors.FragmentCannotApply, document.LocationOf(condition.Type), "This inline fragment", type.Name, parent.Name);
                return;
            }

            target = type;
        }

        ValidateSelectionSet(document, fragment.SelectionSet, target);
    }

    private void ValidateSpread(SourceDocument document, GraphQLFragmentSpread spread, SchemaType parent)
    {
        var name = spread.FragmentName.Name.StringValue;
        var fragment = _fragments.Find(name);
        if (fragment is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.FragmentProblem,
                document.LocationOf(spread.FragmentName),
                $"Unknown fragment '{name}': define 'fragment {name} on <Type> {{ ... }}' in a .graphql file{NameSuggestion.For(name, _fragments.All.Select(f => f.Name))}");
            return;
        }

        fragment.IsUsed = true;
        if (_fragmentPath.Contains(name))
        {
            var cycle = string.Join(" -> ", _fragmentPath.Skip(_fragmentPath.IndexOf(name)).Concat([name]));
            _diagnostics.Report(
                DiagnosticDescriptors.FragmentProblem,
                document.LocationOf(spread.FragmentName),
                $"Fragment '{name}' spreads itself ({cycle}): fragments cannot form a cycle");
            return;
        }

        if (fragment.TypeCondition is not { } type)
        {
            return;
        }

        if (type != parent && !type.Overlaps(parent))
        {
            _diagnostics.Report(DiagnosticDescriptors.FragmentCannotApply, document.LocationOf(spread.FragmentName), $"Fragment '{name}'", type.Name, parent.Name);
            return;
        }

        _fragmentPath.Add(name);
        ValidateSelectionSet(fragment.Document, fragment.Definition.SelectionSet, type);
        _fragmentPath.RemoveAt(_fragmentPath.Count - 1);
    }

    private void CheckDirectives(SourceDocument document, GraphQLDirectives? directives, string where)
    {
        foreach (var directive in directives ?? Enumerable.Empty<GraphQLDirective>())
        {
            var name = directive.Name.StringValue;
            var advice = name is "skip" or "include"
                ? ": the generated result types have no optional shape for it; select the field always, or write a second operation without it"
                : ": remove it";
            _diagnostics.Report(DiagnosticDescriptors.Unsupported, document.LocationOf(directive), $"Directive '@{name}' on {where}", advice);

            // Variables passed to the directive are used; only that is reported about them.
            foreach (var argument in directive.Arguments ?? Enumerable.Empty<GraphQLArgument>())
            {
                CollectVariables(document, argument.Value);
            }
        }
    }

    private void CollectVariables(SourceDocument document, GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                _usages.Add(new VariableUsage(variable, document, locationType: null, locationHasDefault: false));
                break;
            case GraphQLListValue { Values: { } items }:
                foreach (var item in items)
                {
                    CollectVariables(document, item);
                }

                break;
            case GraphQLObjectValue { Fields: { } fields }:
                foreach (var field in fields)
                {
                    CollectVariables(document, field.Value);
                }

                break;
        }
    }
}
