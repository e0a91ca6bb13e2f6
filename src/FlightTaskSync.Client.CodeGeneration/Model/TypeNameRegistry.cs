using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>
/// Holds every type name the generated code declares, so that two things that would get the same
/// name (a field aliased like a type, two operations differing only in the case of their first
/// letter) are reported (FTSG022) instead of failing the C# compilation.
/// </summary>
internal sealed class TypeNameRegistry
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly DiagnosticCollector _diagnostics;

    public TypeNameRegistry(DiagnosticCollector diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>Claims <paramref name="typeName"/> for <paramref name="owner"/>; reports and returns <see langword="false"/> when it is taken.</summary>
    public bool Claim(string typeName, string owner, Location location)
    {
        if (_owners.TryGetValue(typeName, out var existing))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.GeneratedNameCollision,
                location,
                $"The generated type name '{typeName}' would be used for {owner} and also for {existing} (type names are compared ignoring case, since they name files): rename the operation or give the field an alias");
            return false;
        }

        _owners.Add(typeName, owner);
        return true;
    }
}
