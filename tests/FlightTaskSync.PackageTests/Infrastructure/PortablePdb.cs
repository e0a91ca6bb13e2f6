using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace FlightTaskSync.PackageTests.Infrastructure;

/// <summary>What a debugger finds in a portable PDB: its id, its source link and its source documents.</summary>
internal sealed class PortablePdb
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public PortablePdb(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        Id = new Guid(reader.DebugMetadataHeader!.Id.AsSpan(0, 16));

        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                SourceLink = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        var documents = new List<PdbDocument>();
        foreach (var handle in reader.Documents)
        {
            var embedded = false;
            foreach (var information in reader.GetCustomDebugInformation(handle))
            {
                embedded |= reader.GetGuid(reader.GetCustomDebugInformation(information).Kind) == EmbeddedSourceKind;
            }

            documents.Add(new PdbDocument(reader.GetString(reader.GetDocument(handle).Name), embedded));
        }

        Documents = documents;
    }

    /// <summary>Gets the id that the assembly's debug directory must name for a debugger to take this PDB.</summary>
    public Guid Id { get; }

    /// <summary>Gets the source link JSON, or null when the PDB has none.</summary>
    public string? SourceLink { get; }

    public IReadOnlyList<PdbDocument> Documents { get; }

    /// <summary>Reads the id of the PDB that an assembly was built with, from its CodeView debug entry.</summary>
    public static Guid IdNamedBy(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
    }
}

/// <summary>One source file named in a PDB, and whether its text is inside the PDB.</summary>
/// <param name="Path">The path the compiler recorded (mapped to <c>/_/</c> in a CI build).</param>
/// <param name="IsEmbedded">Whether the source text is embedded.</param>
internal sealed record PdbDocument(string Path, bool IsEmbedded);
