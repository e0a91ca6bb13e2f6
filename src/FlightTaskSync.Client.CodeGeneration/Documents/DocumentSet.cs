namespace FlightTaskSync.Client.CodeGeneration.Documents;

/// <summary>The <c>.graphql</c> files of a compilation, sorted into schema and operations.</summary>
internal sealed class DocumentSet
{
    public DocumentSet(
        IReadOnlyList<SourceDocument> schemaDocuments,
        IReadOnlyList<SourceDocument> operationDocuments,
        bool schemaIsIncomplete)
    {
        SchemaDocuments = schemaDocuments;
        OperationDocuments = operationDocuments;
        SchemaIsIncomplete = schemaIsIncomplete;
    }

    /// <summary>Gets the files that hold type-system definitions or extensions.</summary>
    public IReadOnlyList<SourceDocument> SchemaDocuments { get; }

    /// <summary>Gets the files that hold operations or fragments.</summary>
    public IReadOnlyList<SourceDocument> OperationDocuments { get; }

    /// <summary>Gets whether a file that looks like schema could not be parsed.</summary>
    public bool SchemaIsIncomplete { get; }
}
