using FlightTaskSync.PackageTests.Infrastructure;

namespace FlightTaskSync.PackageTests;

/// <summary>
/// Packs the solution once for every test here, as a release build on CI would
/// (<c>dotnet pack -c Release</c> with <c>ContinuousIntegrationBuild</c>), into a folder feed.
/// Builds go to artifacts/package-tests (git-ignored, emptied first), not to the bin/ and obj/
/// folders that the other test projects use while this runs.
/// </summary>
[SetUpFixture]
public sealed class PackedRepository
{
    private static PackedRepository? _current;

    private RepositoryLayout? _layout;
    private string? _feed;
    private CliResult? _pack;

    /// <summary>Gets the packed repository; set before any test of this assembly runs.</summary>
    internal static PackedRepository Current => _current ?? throw new InvalidOperationException("The solution has not been packed.");

    internal RepositoryLayout Layout => _layout!;

    /// <summary>Gets the folder feed the packages were packed into.</summary>
    internal string Feed => _feed!;

    /// <summary>Gets the artifacts folder the solution was built in (its bin/ and obj/ folders).</summary>
    internal string BuildFolder => Path.Combine(Layout.PackageTestArtifacts, "build");

    /// <summary>Gets what <c>dotnet pack</c> printed.</summary>
    internal CliResult Pack => _pack!;

    internal PackageFile Client => Package("FlightTaskSync.Client", "nupkg");

    internal PackageFile ClientSymbols => Package("FlightTaskSync.Client", "snupkg");

    internal PackageFile Emulator => Package("FlightTaskSync.Emulator", "nupkg");

    [OneTimeSetUp]
    public async Task PackTheSolution()
    {
        _layout = RepositoryLayout.Find();
        var artifacts = _layout.PackageTestArtifacts;
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        _feed = Path.Combine(artifacts, "feed");
        _pack = (await DotNetCli.RunAsync(
            _layout.Root,
            TimeSpan.FromMinutes(10),
            "pack", _layout.Solution,
            "-c", "Release",
            "-o", _feed,
            "--artifacts-path", BuildFolder,
            "-p:ContinuousIntegrationBuild=true",
            "--disable-build-servers",
            "-nodeReuse:false")).EnsureSucceeded();
        TestContext.Progress.WriteLine($"Packed the solution in {_pack.Duration.TotalSeconds:0} s into {_feed}");
        _current = this;
    }

    private PackageFile Package(string id, string extension)
    {
        var path = Path.Combine(Feed, $"{id}.{Layout.Version}.{extension}");
        Assert.That(File.Exists(path), Is.True, $"dotnet pack made {Path.GetFileName(path)}; it printed:\n{Pack.Tail}");
        return new PackageFile(path);
    }
}
