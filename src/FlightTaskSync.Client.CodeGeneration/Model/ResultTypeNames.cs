using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>The naming checks of result types: their type names are unique, and so are their property names.</summary>
internal sealed class ResultTypeNames
{
    private readonly TypeNameRegistry _registry;
    private readonly DiagnosticCollector _diagnostics;

    public ResultTypeNames(TypeNameRegistry registry, DiagnosticCollector diagnostics)
    {
        _registry = registry;
        _diagnostics = diagnostics;
    }

    /// <summary>Claims the type names of a new shape: its interface, concrete interfaces and classes.</summary>
    public void ClaimNames(SelectionShape shape, Location location)
    {
        var owner = shape.IsRoot ? "the result of the operation" : $"the result at '{shape.ResponsePath}'";
        _registry.Claim(shape.InterfaceName, owner, location);
        foreach (var concrete in shape.ConcreteTypes)
        {
            if (concrete.InterfaceName is not null)
            {
                _registry.Claim(concrete.InterfaceName, $"{owner} when it is a '{concrete.Type.Name}'", location);
            }

            _registry.Claim(concrete.ClassName, $"{owner} when it is a '{concrete.Type.Name}'", location);
        }

        if (shape.UnknownClassName is not null)
        {
            _registry.Claim(shape.UnknownClassName, $"{owner} when its type is unknown", location);
        }
    }

    /// <summary>Reports properties of one result type that would get the same name, or the name <c>RawJson</c>.</summary>
    public void CheckPropertyNames(List<FieldShape> fields)
    {
        var seen = new Dictionary<string, FieldShape>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.PropertyName == "RawJson")
            {
                _diagnostics.Report(DiagnosticDescriptors.GeneratedNameCollision, field.Location, $"The response name '{field.ResponseName}' would become the property 'RawJson', which every result type already has for its JSON: give the field an alias");
            }
            else if (seen.TryGetValue(field.PropertyName, out var other))
            {
                _diagnostics.Report(DiagnosticDescriptors.GeneratedNameCollision, field.Location, $"The response names '{other.ResponseName}' and '{field.ResponseName}' would both become the property '{field.PropertyName}': give one of them an alias");
            }
            else
            {
                seen.Add(field.PropertyName, field);
            }
        }
    }
}
