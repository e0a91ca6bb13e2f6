using System.Xml.Linq;
using FlightTaskSync.PackageTests.Infrastructure;

namespace FlightTaskSync.PackageTests;

/// <summary>What <c>dotnet pack -c Release</c> puts in the packages, read from the .nupkg files.</summary>
public sealed class PackageContentTests
{
    /// <summary>Ids of the generator, its GraphQL parser and the Roslyn packages it builds on.</summary>
    internal const string GeneratorPackages = "(?i)CodeGeneration|GraphQL-?Parser|^Microsoft\\.CodeAnalysis";

    private static readonly string[] PackageIds = ["FlightTaskSync.Client", "FlightTaskSync.Emulator"];

    private static PackedRepository Packed => PackedRepository.Current;

    [Test]
    public void Pack_MakesTheClientAndTheEmulatorWithSymbols_AndNothingElse()
    {
        var made = Directory.EnumerateFiles(Packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        var version = Packed.Layout.Version;
        Assert.That(made, Is.EqualTo(new[]
        {
            $"FlightTaskSync.Client.{version}.nupkg",
            $"FlightTaskSync.Client.{version}.snupkg",
            $"FlightTaskSync.Emulator.{version}.nupkg",
            $"FlightTaskSync.Emulator.{version}.snupkg",
        }), "the generator, tests, sample and benchmarks are not packable");
    }

    [Test]
    public void Packages_HaveTheOneVersionOfDirectoryBuildProps()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Packed.Client.Version, Is.EqualTo(Packed.Layout.Version));
            Assert.That(Packed.Emulator.Version, Is.EqualTo(Packed.Layout.Version));
        });

        string[] versionProperties = ["Version", "VersionPrefix", "VersionSuffix", "PackageVersion", "AssemblyVersion", "FileVersion"];
        var rootProps = Path.Combine(Packed.Layout.Root, "Directory.Build.props");
        var elsewhere = Packed.Layout.SourceFiles("*.*proj")
            .Concat(Packed.Layout.SourceFiles("*.props"))
            .Concat(Packed.Layout.SourceFiles("*.targets"))
            .Where(path => path != rootProps)
            .SelectMany(path => XDocument.Load(path).Descendants()
                .Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && versionProperties.Contains(e.Name.LocalName))
                .Select(e => $"{Path.GetRelativePath(Packed.Layout.Root, path)}: {e.Name.LocalName}"))
            .ToList();
        Assert.That(elsewhere, Is.Empty, "the version is set in Directory.Build.props only");
    }

    [TestCaseSource(nameof(PackageIds))]
    public void Package_DescribesItselfForNuGetGallery(string id)
    {
        var package = ById(id);
        var repository = package.MetadataElement("repository");

        Assert.Multiple(() =>
        {
            Assert.That(package.MetadataValue("description"), Has.Length.GreaterThan(40));
            Assert.That(package.MetadataValue("authors"), Is.Not.Empty);
            Assert.That(package.MetadataValue("tags"), Does.Contain("FieldAgent"));
            Assert.That(package.MetadataElement("license")?.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(package.MetadataValue("license"), Is.EqualTo("MIT"));
            Assert.That(package.MetadataValue("projectUrl"), Is.EqualTo(Packed.Layout.RepositoryUrl));
            Assert.That(repository?.Attribute("type")?.Value, Is.EqualTo("git"));
            Assert.That(repository?.Attribute("url")?.Value, Is.EqualTo(Packed.Layout.RepositoryUrl));
            Assert.That(repository?.Attribute("commit")?.Value, Does.Match("^[0-9a-f]{40}$"), "the commit the package was built from");
            Assert.That(package.MetadataValue("readme"), Is.EqualTo("README.md"));
            Assert.That(package.Entries, Does.Contain("README.md"));
        });
    }

    [Test]
    public void ClientPackage_ShipsItsOwnReadme_WhichShowsHowToInstallRegisterSyncAndRead()
    {
        var shippedBytes = Packed.Client.ReadBytes("README.md");
        var shipped = System.Text.Encoding.UTF8.GetString(shippedBytes);

        Assert.That(shippedBytes, Is.EqualTo(File.ReadAllBytes(Packed.Layout.PackageReadme)), "src/FlightTaskSync.Client/README.md, written for the package's users");
        Assert.That(shipped, Does.Contain("dotnet add package FlightTaskSync.Client")
            .And.Contain("services.AddFlightTaskSync(")
            .And.Contain(".SyncAsync(")
            .And.Contain(".ListAsync(")
            .And.Contain(".GetAsync(")
            .And.Contain("## Options")
            .And.Contain("## Errors"), "the calls the package consumer makes, the options and the errors");
        Assert.That(shipped, Does.Not.Contain("from a clone of this repository").And.Not.Contain(".ci/run"), "nothing only a contributor needs");
    }

    [TestCaseSource(nameof(PackageIds))]
    public void PackageReadme_EveryLink_IsAbsoluteOrAnAnchor(string id)
    {
        var readme = System.Text.Encoding.UTF8.GetString(ById(id).ReadBytes("README.md"));
        var links = System.Text.RegularExpressions.Regex.Matches(readme, @"\]\(([^)\s]+)\)|<(https?://[^>]+)>")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .ToList();

        Assert.That(links.Where(link => !link.StartsWith("https://", StringComparison.Ordinal) && !link.StartsWith('#')), Is.Empty,
            "a relative link breaks on the package's page");
    }

    [Test]
    public void ClientPackage_ReleaseNotes_AreTheNewestSectionOfTheChangelog()
    {
        var changelog = File.ReadAllText(Path.Combine(Packed.Layout.Root, "CHANGELOG.md")).ReplaceLineEndings("\n");
        var newest = System.Text.RegularExpressions.Regex.Match(changelog, @"(?ms)^## \[.*?(?=^## \[|^\[)").Value.Trim();

        var notes = Packed.Client.MetadataValue("releaseNotes")?.ReplaceLineEndings("\n").Trim();

        Assert.Multiple(() =>
        {
            Assert.That(newest, Has.Length.GreaterThan(200), "the changelog's newest section was found");
            Assert.That(notes, Is.EqualTo(newest));
        });
    }

    [Test]
    public void ClientPackage_DependsOnlyOnWhatItUses()
    {
        Assert.That(Packed.Client.DependencyIds, Has.None.EqualTo("Microsoft.Extensions.Options.DataAnnotations"),
            "the options' validators are generated by Microsoft.Extensions.Options; DataAnnotations' package is not needed");
    }

    [TestCaseSource(nameof(PackageIds))]
    public void Package_ShipsXmlDocsForEveryPublicMember(string id)
    {
        var package = ById(id);
        var assembly = package.ReadBytes($"lib/net10.0/{id}.dll");
        using var docs = new MemoryStream(package.ReadBytes($"lib/net10.0/{id}.xml"));
        var documented = XDocument.Load(docs)
            .Descendants("member")
            .Select(m => (string)m.Attribute("name")!)
            .ToList();

        var surface = PublicSurface.DocumentationPrefixes(assembly);
        var undocumented = surface.Where(prefix => !documented.Any(name => Names(name, prefix))).ToList();

        Assert.That(surface, Has.Count.GreaterThan(50), "the public surface was read");
        Assert.That(undocumented, Is.Empty);
    }

    [Test]
    public void ClientPackage_NeitherShipsNorDependsOnTheCodeGenerator()
    {
        var client = Packed.Client;

        Assert.Multiple(() =>
        {
            Assert.That(client.DependencyIds, Has.None.Match(GeneratorPackages), "the generator and its parser are build-time only");
            Assert.That(client.DependencyIds, Does.Contain("Microsoft.Data.Sqlite").And.Contain("Polly.Core"), "the runtime dependencies are declared");
            Assert.That(client.Entries, Has.None.StartsWith("analyzers/").And.None.StartsWith("build"), "no analyzer or build logic reaches apps");
            Assert.That(client.Entries, Has.None.Contains("CodeGeneration").And.None.Contains("GraphQLParser"));
            Assert.That(client.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), Is.EquivalentTo(new[]
            {
                "lib/net10.0/FlightTaskSync.Client.dll",
                "lib/net10.0/FlightTaskSync.Client.xml",
            }), "the generated client is compiled into the SDK's own assembly");
        });
    }

    private static PackageFile ById(string id) => id == "FlightTaskSync.Client" ? Packed.Client : Packed.Emulator;

    /// <summary>Whether a documentation id (with parameters) names the member a prefix (without them) stands for.</summary>
    private static bool Names(string documentationId, string prefix) =>
        documentationId == prefix
        || (documentationId.StartsWith(prefix, StringComparison.Ordinal) && documentationId[prefix.Length] is '(' or '`');
}
