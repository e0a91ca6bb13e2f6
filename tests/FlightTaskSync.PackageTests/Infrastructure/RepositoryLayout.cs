using System.Diagnostics;
using System.Xml.Linq;

namespace FlightTaskSync.PackageTests.Infrastructure;

/// <summary>The repository these tests run from, and the package settings it declares once.</summary>
internal sealed class RepositoryLayout
{
    private const string SolutionFile = "FlightTaskSync.Client.sln";

    private RepositoryLayout(string root)
    {
        Root = root;
        var props = XDocument.Load(Path.Combine(root, "Directory.Build.props"));
        Version = SingleProperty(props, "Version");
        RepositoryUrl = SingleProperty(props, "RepositoryUrl");
    }

    /// <summary>Gets the folder that holds the solution file.</summary>
    public string Root { get; }

    /// <summary>Gets the one package version, from Directory.Build.props.</summary>
    public string Version { get; }

    /// <summary>Gets the one repository address, from Directory.Build.props.</summary>
    public string RepositoryUrl { get; }

    public string Solution => Path.Combine(Root, SolutionFile);

    public string ConsumerProject => Path.Combine(Root, "tests", "FlightTaskSync.PackageConsumer");

    public string AotConsumerProject => Path.Combine(Root, "tests", "FlightTaskSync.AotConsumer");

    /// <summary>Gets the README packed into FlightTaskSync.Client: written for the package's users.</summary>
    public string PackageReadme => Path.Combine(Root, "src", "FlightTaskSync.Client", "README.md");

    /// <summary>Gets the READMEs whose C# snippets must compile: the package's and the repository's.</summary>
    public IReadOnlyList<string> Readmes => [PackageReadme, Path.Combine(Root, "README.md")];

    /// <summary>Where these tests build and pack: under the git-ignored artifacts folder, apart from bin/ and obj/.</summary>
    public string PackageTestArtifacts => Path.Combine(Root, "artifacts", "package-tests");

    /// <summary>Finds the repository by walking up from the test assembly's folder.</summary>
    public static RepositoryLayout Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {TestContext.CurrentContext.TestDirectory}.");
    }

    /// <summary>Reads the text of every file of the repository that matches a pattern, bin/, obj/ and artifacts/ aside.</summary>
    public IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories)
            .Where(path =>
            {
                var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
                return !relative.StartsWith("artifacts/", StringComparison.Ordinal)
                    && !relative.Contains("/bin/", StringComparison.Ordinal)
                    && !relative.Contains("/obj/", StringComparison.Ordinal);
            });

    /// <summary>Lists the files git tracks, relative to the root with forward slashes.</summary>
    public IReadOnlySet<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", ["-C", Root, "ls-files", "-z"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start)!;
        var listing = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : throw new InvalidOperationException($"git ls-files exited with {git.ExitCode} in {Root}.");
    }

    private static string SingleProperty(XDocument props, string name)
    {
        var values = props.Descendants(name).Select(e => e.Value.Trim()).ToList();
        return values.Count == 1
            ? values[0]
            : throw new InvalidOperationException($"Directory.Build.props sets {name} {values.Count} times; it should set it once.");
    }
}
