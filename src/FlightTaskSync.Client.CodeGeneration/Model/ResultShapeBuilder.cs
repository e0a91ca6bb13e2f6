using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Printing;
using FlightTaskSync.Client.CodeGeneration.Schema;
using FlightTaskSync.Client.CodeGeneration.Validation;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>
/// Turns an operation's selection sets into result shapes, StrawberryShake's way: one interface
/// per selection path, one concrete interface and class per possible object type. Fragments are
/// merged into the objects they apply to; a path that would need two different shapes, or one
/// response name that means two different fields, is FTSG020.
/// </summary>
internal sealed class ResultShapeBuilder
{
    private readonly SchemaModel _schema;
    private readonly FragmentIndex _fragments;
    private readonly DiagnosticCollector _diagnostics;
    private readonly ResultTypeNames _names;
    private readonly Dictionary<string, SelectionShape> _shapes = new(StringComparer.Ordinal);

    public ResultShapeBuilder(SchemaModel schema, FragmentIndex fragments, DiagnosticCollector diagnostics, TypeNameRegistry names)
    {
        _schema = schema;
        _fragments = fragments;
        _diagnostics = diagnostics;
        _names = new ResultTypeNames(names, diagnostics);
    }

    /// <summary>Builds the shapes of an operation; returns the root and every shape, sorted by path.</summary>
    public (SelectionShape Root, IReadOnlyList<SelectionShape> Shapes) Build(OperationSource operation, string typePrefix)
    {
        _shapes.Clear();
        var sets = new[] { new SelectionSetSource(operation.Document, operation.Definition.SelectionSet) };
        var root = BuildShape(typePrefix, string.Empty, operation.RootType, sets, isRoot: true, operation.Document.LocationOf(operation.Definition.Name!));
        var shapes = _shapes.Values.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        return (root, shapes);
    }

    private SelectionShape BuildShape(string path, string responsePath, SchemaType type, IReadOnlyList<SelectionSetSource> sets, bool isRoot, Location location)
    {
        IReadOnlyList<SchemaType> possibleTypes = type.Kind == SchemaTypeKind.Object ? [type] : type.PossibleTypes;
        var collected = new List<CollectedField>();
        foreach (var set in sets)
        {
            Collect(set.Document, set.SelectionSet, possibleTypes, collected);
        }

        // A child path that would take the name of a concrete type of this path continues from
        // that concrete type instead: the "field" of a FlightTask at "upserted" is
        // ..._Upserted_FlightTask_Field, since ..._Upserted_Field is the upserted item that is a Field.
        var concreteNames = new HashSet<string>(possibleTypes.Select(t => t.DotNetName), StringComparer.OrdinalIgnoreCase);
        string ChildPath(string propertyName, SchemaType? concreteType) =>
            concreteType is not null && concreteNames.Contains(propertyName)
                ? path + "_" + concreteType.DotNetName + "_" + propertyName
                : path + "_" + propertyName;

        var objectType = type.Kind == SchemaTypeKind.Object ? type : null;
        var baseFields = ShapeFields(
            responsePath,
            collected.Where(f => possibleTypes.All(f.AppliesTo.Contains)),
            _ => type,
            addTypename: !isRoot,
            propertyName => ChildPath(propertyName, objectType));
        var basePropertyNames = new HashSet<string>(baseFields.Select(f => f.PropertyName), StringComparer.Ordinal);

        var concreteTypes = new List<ConcreteShape>();
        if (isRoot)
        {
            concreteTypes.Add(new ConcreteShape(type, null, path + "Result", [], baseFields));
        }
        else
        {
            foreach (var possibleType in possibleTypes)
            {
                var extraFields = new List<FieldShape>();
                if (type.IsAbstract)
                {
                    var fields = ShapeFields(
                        responsePath,
                        collected.Where(f => f.AppliesTo.Contains(possibleType)),
                        // A field of the path interface keeps the abstract type's definition, so
                        // that a covariant field type on the object does not make a second shape.
                        propertyName => basePropertyNames.Contains(propertyName) ? type : possibleType,
                        addTypename: true,
                        propertyName => ChildPath(propertyName, basePropertyNames.Contains(propertyName) ? null : possibleType));
                    extraFields.AddRange(fields.Where(f => !basePropertyNames.Contains(f.PropertyName)));
                }

                var suffix = "_" + possibleType.DotNetName;
                concreteTypes.Add(new ConcreteShape(possibleType, "I" + path + suffix, path + suffix, extraFields, baseFields.Concat(extraFields).ToList()));
            }
        }

        var shape = new SelectionShape(path, responsePath, isRoot ? "I" + path + "Result" : "I" + path, type, isRoot, baseFields, concreteTypes);
        return Register(shape, location);
    }

    private void Collect(SourceDocument document, GraphQLSelectionSet selectionSet, IReadOnlyList<SchemaType> appliesTo, List<CollectedField> output)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    output.Add(new CollectedField(field, document, appliesTo));
                    break;
                case GraphQLInlineFragment inlineFragment:
                    var condition = inlineFragment.TypeCondition is null ? null : _schema.FindType(inlineFragment.TypeCondition.Type.Name.StringValue);
                    var narrowed = condition is null ? appliesTo : Narrow(appliesTo, condition);
                    if (narrowed.Count > 0)
                    {
                        Collect(document, inlineFragment.SelectionSet, narrowed, output);
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = _fragments.Find(spread.FragmentName.Name.StringValue)!;
                    var fragmentTypes = Narrow(appliesTo, fragment.TypeCondition!);
                    if (fragmentTypes.Count > 0)
                    {
                        Collect(fragment.Document, fragment.Definition.SelectionSet, fragmentTypes, output);
                    }

                    break;
            }
        }
    }

    private static List<SchemaType> Narrow(IReadOnlyList<SchemaType> types, SchemaType condition) =>
        types.Where(t => condition == t || condition.PossibleTypes.Contains(t)).ToList();

    /// <param name="responsePath">The response path of the object, for messages.</param>
    /// <param name="fields">The field selections that apply.</param>
    /// <param name="lookupType">Gives the type to find a field's definition on, from its property name.</param>
    /// <param name="addTypename">Whether to add <c>__typename</c> first when it was not selected.</param>
    /// <param name="childPath">Gives the path of the child type of a composite field from its property name.</param>
    private List<FieldShape> ShapeFields(string responsePath, IEnumerable<CollectedField> fields, Func<string, SchemaType> lookupType, bool addTypename, Func<string, string> childPath)
    {
        var merged = new List<List<CollectedField>>();
        var byResponseName = new Dictionary<string, List<CollectedField>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!byResponseName.TryGetValue(field.ResponseName, out var occurrences))
            {
                occurrences = [field];
                byResponseName.Add(field.ResponseName, occurrences);
                merged.Add(occurrences);
                continue;
            }

            var first = occurrences[0];
            if (first.FieldName != field.FieldName)
            {
                ReportConflict(field, responsePath, $"selects both '{first.FieldName}' and '{field.FieldName}'");
            }
            else if (DocumentPrinter.ArgumentsKey(first.Node.Arguments) != DocumentPrinter.ArgumentsKey(field.Node.Arguments))
            {
                ReportConflict(field, responsePath, $"selects '{field.FieldName}' with different arguments");
            }
            else
            {
                occurrences.Add(field);
            }
        }

        var shapes = new List<FieldShape>();
        if (addTypename)
        {
            if (!byResponseName.TryGetValue("__typename", out var typename))
            {
                shapes.Add(TypenameField(DefaultLocation(fields)));
            }
            else if (typename[0].FieldName != "__typename")
            {
                ReportConflict(typename[0], responsePath, $"is an alias of '{typename[0].FieldName}', but the client selects '__typename' itself to tell types apart");
                merged.Remove(typename);
            }
        }

        foreach (var occurrences in merged)
        {
            shapes.Add(ToFieldShape(occurrences, responsePath, lookupType, childPath));
        }

        // The type name goes first, as in the document.
        var userTypename = shapes.FindIndex(s => s.IsTypename);
        if (userTypename > 0)
        {
            var field = shapes[userTypename];
            shapes.RemoveAt(userTypename);
            shapes.Insert(0, field);
        }

        _names.CheckPropertyNames(shapes);
        return shapes;
    }

    private FieldShape ToFieldShape(List<CollectedField> occurrences, string responsePath, Func<string, SchemaType> lookupType, Func<string, string> childPath)
    {
        var first = occurrences[0];
        var location = first.Document.LocationOf((ASTNode?)first.Node.Alias ?? first.Node.Name);
        if (first.FieldName == "__typename")
        {
            return new FieldShape(first.ResponseName, "__typename", TypenameType, _schema.FindType("String")!, null, location);
        }

        // A field from a fragment on another interface that every possible type implements is
        // not on the abstract type itself: its possible types have it.
        var propertyName = Emitting.CSharpNames.UpperFirst(first.ResponseName);
        var owner = lookupType(propertyName);
        var definition = owner.FindField(first.FieldName)
            ?? owner.PossibleTypes.Select(t => t.FindField(first.FieldName)).First(f => f is not null)!;
        var namedType = _schema.FindType(definition.Type.NamedType)!;
        SelectionShape? child = null;
        if (namedType.IsComposite)
        {
            var childResponsePath = responsePath.Length == 0 ? first.ResponseName : responsePath + "." + first.ResponseName;
            var sets = occurrences.Select(o => new SelectionSetSource(o.Document, o.Node.SelectionSet!)).ToList();
            var last = occurrences[occurrences.Count - 1];
            child = BuildShape(childPath(propertyName), childResponsePath, namedType, sets, isRoot: false, last.Document.LocationOf((ASTNode?)last.Node.Alias ?? last.Node.Name));
        }

        return new FieldShape(first.ResponseName, first.FieldName, definition.Type, namedType, child, location);
    }

    private static TypeReference TypenameType { get; } = TypeReference.NonNullOf(TypeReference.Named("String"));

    private FieldShape TypenameField(Location location) =>
        new("__typename", "__typename", TypenameType, _schema.FindType("String")!, null, location);

    private static Location DefaultLocation(IEnumerable<CollectedField> fields)
    {
        var first = fields.FirstOrDefault();
        return first is null ? Location.None : first.Document.LocationOf(first.Node.Name);
    }

    private SelectionShape Register(SelectionShape shape, Location location)
    {
        if (_shapes.TryGetValue(shape.Path, out var existing))
        {
            if (existing.Signature != shape.Signature)
            {
                var responseName = shape.ResponsePath.Substring(shape.ResponsePath.LastIndexOf('.') + 1);
                var parentPath = shape.ResponsePath.Length > responseName.Length ? shape.ResponsePath.Substring(0, shape.ResponsePath.Length - responseName.Length - 1) : "(operation)";
                _diagnostics.Report(
                    DiagnosticDescriptors.SelectionConflict,
                    location,
                    responseName,
                    parentPath,
                    $"is selected with different fields in different fragments, but both would be the result type '{existing.InterfaceName}'",
                    $"other_{responseName}: {responseName}");
            }

            return existing;
        }

        _shapes.Add(shape.Path, shape);
        _names.ClaimNames(shape, location);
        return shape;
    }

    private void ReportConflict(CollectedField field, string responsePath, string problem) =>
        _diagnostics.Report(
            DiagnosticDescriptors.SelectionConflict,
            field.Document.LocationOf((ASTNode?)field.Node.Alias ?? field.Node.Name),
            field.ResponseName,
            responsePath.Length == 0 ? "(operation)" : responsePath,
            problem,
            $"other_{field.ResponseName}: {field.FieldName}");
}
