using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Emitting;
using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;
using FlightTaskSync.Client.CodeGeneration.Schema;
using FlightTaskSync.Client.CodeGeneration.Validation;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration;

/// <summary>
/// One generator run, from the <c>.graphql</c> files and build properties to generated files:
/// load, read the schema, validate the operations, build the result model, emit. Any error stops
/// the run before emitting, so the build never sees code made from an invalid document.
/// </summary>
internal static class ClientGeneration
{
    public static GenerationResult Run(IReadOnlyList<GraphQLSourceFile> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticCollector();
        var sources = new List<GeneratedSource>();
        if (files.Count > 0)
        {
            Generate(files, options, diagnostics, sources, cancellationToken);
        }

        return new GenerationResult(diagnostics.HasErrors ? [] : sources, diagnostics.Diagnostics);
    }

    private static void Generate(
        IReadOnlyList<GraphQLSourceFile> files,
        GeneratorOptions options,
        DiagnosticCollector diagnostics,
        List<GeneratedSource> sources,
        CancellationToken cancellationToken)
    {
        var settings = ClientSettings.From(options, diagnostics);
        var documents = DocumentLoader.Load(files, diagnostics);
        if (settings is null || documents.SchemaIsIncomplete)
        {
            return;
        }

        if (documents.SchemaDocuments.Count == 0)
        {
            if (documents.OperationDocuments.Count > 0)
            {
                var first = documents.OperationDocuments[0];
                diagnostics.Report(
                    DiagnosticDescriptors.SchemaProblem,
                    first.LocationOf(first.Document.Definitions[0]),
                    "No schema file: add the server's schema (type definitions) as a .graphql AdditionalFiles item, so that the operations can be checked and typed");
            }

            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var schema = SchemaReader.Read(documents.SchemaDocuments, diagnostics);
        if (schema is null)
        {
            return;
        }

        var fragments = FragmentIndex.Build(documents.OperationDocuments, schema, diagnostics);
        var operations = OperationSetValidator.Validate(documents.OperationDocuments, schema, fragments, diagnostics);
        if (diagnostics.HasErrors || operations.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var names = new TypeNameRegistry(diagnostics);
        ClaimClientNames(settings, names, operations[0]);
        var builder = new OperationModelBuilder(schema, fragments, diagnostics, names);
        var models = operations.Select(builder.Build).ToList();
        var enums = models.SelectMany(m => m.Enums).Distinct().OrderBy(e => e.DotNetName, StringComparer.Ordinal).ToList();
        foreach (var enumType in enums)
        {
            var location = LocationOf(enumType);
            names.Claim(enumType.DotNetName, $"the enum '{enumType.Name}'", location);
            names.Claim(EnumEmitter.SerializerName(enumType), $"the serializer of enum '{enumType.Name}'", location);
        }

        var inputObjects = models.SelectMany(m => m.InputObjects).Distinct().OrderBy(t => t.DotNetName, StringComparer.Ordinal).ToList();
        foreach (var inputObject in inputObjects)
        {
            var location = LocationOf(inputObject);
            names.Claim(inputObject.DotNetName, $"the input type '{inputObject.Name}'", location);
            names.Claim(InputObjectEmitter.SerializerName(inputObject), $"the serializer of input type '{inputObject.Name}'", location);
            CheckPropertyNames(inputObject, diagnostics);
        }

        if (diagnostics.HasErrors)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Emit(settings, schema, models, enums, inputObjects, sources);
    }

    private static void Emit(
        ClientSettings settings,
        SchemaModel schema,
        List<OperationModel> models,
        List<SchemaType> enums,
        List<SchemaType> inputObjects,
        List<GeneratedSource> sources)
    {
        var variables = new VariablesEmitter(settings, schema);
        var operationEmitter = new OperationEmitter(settings, variables);
        var resultTypes = new ResultTypeEmitter(settings);
        var parsers = new ParserEmitter(settings);
        foreach (var model in models)
        {
            sources.Add(new GeneratedSource(model.OperationClassName + ".g.cs", operationEmitter.Emit(model)));
            sources.Add(new GeneratedSource(model.VariablesClassName + ".g.cs", variables.Emit(model)));
            sources.Add(new GeneratedSource(model.TypePrefix + "Result.g.cs", resultTypes.Emit(model)));
            sources.Add(new GeneratedSource(model.ParserClassName + ".g.cs", parsers.Emit(model)));
        }

        var enumEmitter = new EnumEmitter(settings);
        foreach (var enumType in enums)
        {
            sources.Add(new GeneratedSource(enumType.DotNetName + ".g.cs", enumEmitter.Emit(enumType)));
        }

        var inputObjectEmitter = new InputObjectEmitter(settings, schema);
        foreach (var inputObject in inputObjects)
        {
            sources.Add(new GeneratedSource(inputObject.DotNetName + ".g.cs", inputObjectEmitter.Emit(inputObject)));
        }

        sources.Add(new GeneratedSource(settings.ClientName + ".g.cs", new ClientEmitter(settings).Emit(models)));
        sources.Add(new GeneratedSource(DependencyInjectionEmitter.ClassName(settings) + ".g.cs", new DependencyInjectionEmitter(settings).Emit(models)));
    }

    private static void ClaimClientNames(ClientSettings settings, TypeNameRegistry names, OperationSource firstOperation)
    {
        // The client has no place in a .graphql file; a clash is shown on the first operation.
        var location = firstOperation.Document.LocationOf(firstOperation.Definition.Name!);
        var owner = $"the client '{settings.ClientName}' (build property GraphQLClientName)";
        names.Claim(settings.ClientName, owner, location);
        names.Claim("I" + settings.ClientName, owner, location);
        names.Claim(DependencyInjectionEmitter.ClassName(settings), owner, location);
    }

    /// <summary>Reports input fields whose properties would clash with each other or with the class (FTSG022).</summary>
    private static void CheckPropertyNames(SchemaType inputObject, DiagnosticCollector diagnostics)
    {
        const string classOwner = "the class itself";
        var taken = new Dictionary<string, string>(StringComparer.Ordinal) { [inputObject.DotNetName] = classOwner };
        foreach (var field in inputObject.InputFields)
        {
            var property = InputObjectEmitter.PropertyName(field);
            if (taken.TryGetValue(property, out var owner))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.GeneratedNameCollision,
                    field.Document.LocationOf(field.NameNode),
                    $"Field '{inputObject.Name}.{field.Name}' would become the property '{property}' of class '{inputObject.DotNetName}', which is already taken by {owner}: "
                    + (owner == classOwner ? "give the input type another .NET name with @rename(name: ...)" : "the generated client cannot name both"));
                continue;
            }

            taken.Add(property, $"field '{field.Name}'");
        }
    }

    private static Location LocationOf(SchemaType type) =>
        type.Document is not null && type.Definition is GraphQLTypeDefinition definition
            ? type.Document.LocationOf(definition.Name)
            : Location.None;
}
