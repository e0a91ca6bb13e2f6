using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace FlightTaskSync.PackageTests.Infrastructure;

/// <summary>A .nupkg or .snupkg as a package source serves it: a zip with a nuspec.</summary>
internal sealed class PackageFile
{
    public PackageFile(string path)
    {
        Path = path;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = Entries.Single(e => !e.Contains('/', StringComparison.Ordinal) && e.EndsWith(".nuspec", StringComparison.Ordinal));
        using (var text = new MemoryStream(ReadBytes(nuspec)))
        {
            Nuspec = XDocument.Load(text);
        }

        Metadata = Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Id = MetadataValue("id")!;
        Version = MetadataValue("version")!;
    }

    public string Path { get; }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    public XElement Metadata { get; }

    public string Id { get; }

    public string Version { get; }

    /// <summary>The ids of the packages this one depends on, in every framework group.</summary>
    public IReadOnlyList<string> DependencyIds =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();

    /// <summary>The value of a metadata element, or null when the nuspec has none.</summary>
    public string? MetadataValue(string name) =>
        Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>The metadata element itself, for its attributes.</summary>
    public XElement? MetadataElement(string name) =>
        Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public byte[] ReadBytes(string entry)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new FileNotFoundException($"{System.IO.Path.GetFileName(Path)} has no {entry}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The hash NuGet records for a package it restored (project.assets.json, .nupkg.sha512).</summary>
    public string Sha512()
    {
        using var stream = File.OpenRead(Path);
        return Convert.ToBase64String(SHA512.HashData(stream));
    }
}
