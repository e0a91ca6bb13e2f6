using System.Text.Json;
using FlightTaskSync.PackageTests.Infrastructure;

namespace FlightTaskSync.PackageTests;

/// <summary>
/// What a debugger gets from the .snupkg of a CI build: the PDB of the shipped assembly, a source
/// link to the repository at the packed commit for the files in git, the text of every other
/// source inside the PDB, and no path of the build machine.
/// </summary>
public sealed class SymbolPackageTests
{
    private static readonly string[] PackageIds = ["FlightTaskSync.Client", "FlightTaskSync.Emulator"];

    private static IReadOnlySet<string>? _tracked;

    private static PackedRepository Packed => PackedRepository.Current;

    [TestCaseSource(nameof(PackageIds))]
    public void SymbolPackage_HoldsThePdbOfTheShippedAssembly(string id)
    {
        var (package, symbols) = Packages(id);
        var pdb = new PortablePdb(symbols.ReadBytes($"lib/net10.0/{id}.pdb"));

        Assert.Multiple(() =>
        {
            Assert.That(PortablePdb.IdNamedBy(package.ReadBytes($"lib/net10.0/{id}.dll")), Is.EqualTo(pdb.Id));
            Assert.That(package.Entries, Has.None.EndsWith(".pdb"), "symbols travel in the .snupkg");
            Assert.That(symbols.Version, Is.EqualTo(package.Version));
        });
    }

    [TestCaseSource(nameof(PackageIds))]
    public void Pdb_LinksItsSourcesToTheRepositoryAtThePackedCommit(string id)
    {
        var (package, symbols) = Packages(id);
        var pdb = new PortablePdb(symbols.ReadBytes($"lib/net10.0/{id}.pdb"));
        var commit = package.MetadataElement("repository")!.Attribute("commit")!.Value;
        var repositoryPath = new Uri(Packed.Layout.RepositoryUrl).AbsolutePath.Trim('/');

        Assert.That(pdb.SourceLink, Is.Not.Null, "the PDB has a source link");
        var documents = JsonDocument.Parse(pdb.SourceLink!).RootElement.GetProperty("documents");
        Assert.That(documents.TryGetProperty("/_/*", out var target), Is.True, $"the repository root maps from /_/: {pdb.SourceLink}");
        Assert.That(target.GetString(), Does.Contain($"/{repositoryPath}/{commit}/"), $"{pdb.SourceLink} points at {Packed.Layout.RepositoryUrl} at {commit}");
    }

    [TestCaseSource(nameof(PackageIds))]
    public void Pdb_HasOnlyDeterministicPaths_AndEmbedsEverySourceThatIsNotInGit(string id)
    {
        var (_, symbols) = Packages(id);
        var pdb = new PortablePdb(symbols.ReadBytes($"lib/net10.0/{id}.pdb"));
        var inGit = pdb.Documents.Where(d => IsTrackedSource(d.Path)).ToList();
        var notInGit = pdb.Documents.Except(inGit).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(pdb.Documents.Select(d => d.Path), Has.All.StartsWith("/_/"), "ContinuousIntegrationBuild maps the build folder to /_/");
            Assert.That(inGit, Is.Not.Empty);
            Assert.That(inGit.Where(d => d.IsEmbedded), Is.Empty, "sources in git come through the source link");
            Assert.That(notInGit, Is.Not.Empty, "obj/ and generated files are compiled too");
            Assert.That(notInGit.Where(d => !d.IsEmbedded).Select(d => d.Path), Is.Empty, "sources a debugger cannot download are embedded");
        });
    }

    [Test]
    public void ClientPdb_EmbedsTheGeneratedGraphQLClient()
    {
        var pdb = new PortablePdb(Packed.ClientSymbols.ReadBytes("lib/net10.0/FlightTaskSync.Client.pdb"));

        Assert.That(
            pdb.Documents.Where(d => d.IsEmbedded && d.Path.Contains("FlightTaskSync.Client.CodeGeneration", StringComparison.Ordinal)).Select(d => d.Path),
            Is.Not.Empty,
            "the code the generator wrote is in the PDB: " + string.Join(", ", pdb.Documents.Select(d => d.Path)));
    }

    private static (PackageFile Package, PackageFile Symbols) Packages(string id) =>
        id == "FlightTaskSync.Client"
            ? (Packed.Client, Packed.ClientSymbols)
            : (Packed.Emulator, new PackageFile(Path.Combine(Packed.Feed, $"{id}.{Packed.Layout.Version}.snupkg")));

    /// <summary>Whether a PDB path is a file that git tracks, which the source link serves.</summary>
    private static bool IsTrackedSource(string pdbPath)
    {
        _tracked ??= Packed.Layout.TrackedFiles();
        return pdbPath.StartsWith("/_/", StringComparison.Ordinal) && _tracked.Contains(pdbPath["/_/".Length..]);
    }
}
