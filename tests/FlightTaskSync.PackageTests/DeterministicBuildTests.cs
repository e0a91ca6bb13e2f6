using FlightTaskSync.PackageTests.Infrastructure;

namespace FlightTaskSync.PackageTests;

/// <summary>
/// A CI build is deterministic: FlightTaskSync.Client and its generator built again from scratch
/// (their bin/ and obj/ folders deleted) and packed again give the same assembly, PDB and XML
/// documentation, byte for byte, as the packed ones. The build folders stay where they were:
/// their path under the repository is recorded in the PDB (as /_/artifacts/..., for the embedded
/// generated sources), so a build elsewhere in the clone is another build; two clones packed the
/// same way give the same bytes.
/// </summary>
public sealed class DeterministicBuildTests
{
    private const string Id = "FlightTaskSync.Client";

    private static PackedRepository Packed => PackedRepository.Current;

    [Test]
    public async Task ClientBuiltAndPackedAgain_HasTheSameAssemblyPdbAndDocs()
    {
        foreach (var kind in new[] { "bin", "obj" })
        {
            foreach (var project in new[] { Id, $"{Id}.CodeGeneration" })
            {
                var folder = Path.Combine(Packed.BuildFolder, kind, project);
                Assert.That(Directory.Exists(folder), Is.True, $"the first pack built into {folder}");
                Directory.Delete(folder, recursive: true);
            }
        }

        var feed = Path.Combine(Packed.Layout.PackageTestArtifacts, "feed-again");
        (await DotNetCli.RunAsync(
            Packed.Layout.Root,
            TimeSpan.FromMinutes(5),
            "pack", Path.Combine(Packed.Layout.Root, "src", Id, $"{Id}.csproj"),
            "-c", "Release",
            "-o", feed,
            "--artifacts-path", Packed.BuildFolder,
            "-p:ContinuousIntegrationBuild=true",
            "--disable-build-servers",
            "-nodeReuse:false")).EnsureSucceeded();

        var package = new PackageFile(Path.Combine(feed, $"{Id}.{Packed.Layout.Version}.nupkg"));
        var symbols = new PackageFile(Path.Combine(feed, $"{Id}.{Packed.Layout.Version}.snupkg"));

        Assert.Multiple(() =>
        {
            Assert.That(package.ReadBytes($"lib/net10.0/{Id}.dll"), Is.EqualTo(Packed.Client.ReadBytes($"lib/net10.0/{Id}.dll")), "the assembly");
            Assert.That(symbols.ReadBytes($"lib/net10.0/{Id}.pdb"), Is.EqualTo(Packed.ClientSymbols.ReadBytes($"lib/net10.0/{Id}.pdb")), "the PDB");
            Assert.That(package.ReadBytes($"lib/net10.0/{Id}.xml"), Is.EqualTo(Packed.Client.ReadBytes($"lib/net10.0/{Id}.xml")), "the XML documentation");
        });
    }
}
