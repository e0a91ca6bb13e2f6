using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Emitting;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Pipeline;

/// <summary>The checked settings of the generated client: its name, namespace and access modifier.</summary>
internal sealed class ClientSettings
{
    public const string DefaultClientName = "GraphQLClient";
    public const string DefaultNamespace = "GraphQLClient";

    private ClientSettings(string clientName, string clientNamespace, string accessModifier)
    {
        ClientName = clientName;
        Namespace = clientNamespace;
        AccessModifier = accessModifier;
    }

    public string ClientName { get; }

    public string Namespace { get; }

    /// <summary>Gets <c>public</c> or <c>internal</c>.</summary>
    public string AccessModifier { get; }

    /// <summary>Checks the build properties; returns <see langword="null"/> after reporting FTSG018.</summary>
    public static ClientSettings? From(GeneratorOptions options, DiagnosticCollector diagnostics)
    {
        var valid = true;

        var clientName = options.ClientName ?? DefaultClientName;
        if (!CSharpNames.IsValidIdentifier(clientName))
        {
            diagnostics.Report(
                DiagnosticDescriptors.BadBuildProperty,
                Location.None,
                "GraphQLClientName",
                clientName,
                "the client's name must be a C# identifier such as 'FieldAgentClient'");
            valid = false;
        }

        var clientNamespace = options.ClientNamespace ?? options.RootNamespace ?? DefaultNamespace;
        if (!CSharpNames.IsValidNamespace(clientNamespace))
        {
            var property = options.ClientNamespace is not null ? "GraphQLClientNamespace" : "RootNamespace";
            diagnostics.Report(
                DiagnosticDescriptors.BadBuildProperty,
                Location.None,
                property,
                clientNamespace,
                "the namespace of the generated client must be dotted C# identifiers such as 'MyApp.Transport'");
            valid = false;
        }

        var accessModifier = options.AccessModifier ?? "public";
        if (accessModifier is not ("public" or "internal"))
        {
            diagnostics.Report(
                DiagnosticDescriptors.BadBuildProperty,
                Location.None,
                "GraphQLClientAccessModifier",
                accessModifier,
                "it must be 'public' or 'internal'");
            valid = false;
        }

        return valid ? new ClientSettings(clientName, clientNamespace, accessModifier) : null;
    }
}
