using System.Text.Json;
using FlightTaskSync.PackageTests.Infrastructure;

namespace FlightTaskSync.PackageTests;

/// <summary>
/// A field app's view of the packages: tests/FlightTaskSync.PackageConsumer, copied out of the
/// repository, restored with FlightTaskSync.* from the freshly packed folder feed only (package
/// source mapping), built, and run against the emulator package.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private string _work = "";
    private string _app = "";
    private JsonElement _assets;
    private List<ReadmeSnippetFile.Snippet> _snippets = [];
    private Lazy<Task<CliResult>> _build = null!;

    private static PackedRepository Packed => PackedRepository.Current;

    private static string Version => Packed.Layout.Version;

    [OneTimeSetUp]
    public async Task RestoreTheConsumerFromTheFolderFeed()
    {
        _work = Path.Combine(Path.GetTempPath(), "flighttasksync-package-consumer", Guid.NewGuid().ToString("N"));
        _app = Path.Combine(_work, "app");
        Directory.CreateDirectory(_app);
        FolderFeed.CopyProject(Packed.Layout.ConsumerProject, _app);
        _snippets = [.. Packed.Layout.Readmes.SelectMany(ReadmeSnippetFile.Read)];
        await File.WriteAllTextAsync(Path.Combine(_app, "ReadmeSnippets.g.cs"), ReadmeSnippetFile.Generate(_snippets));

        await File.WriteAllTextAsync(Path.Combine(_app, "nuget.config"), await FolderFeed.NuGetConfigAsync(Packed, _work));
        (await DotNetCli.RunAsync(_app, CommandTimeout, "restore", $"-p:FlightTaskSyncVersion={Version}")).EnsureSucceeded();
        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_app, "obj", "project.assets.json")));
        _assets = assets.RootElement.Clone();
        // One build for the tests that need it: the README snippets compile in it, and the app runs from it.
        _build = new(() => DotNetCli.RunAsync(_app, CommandTimeout, "build", "--no-restore", "-c", "Release", $"-p:FlightTaskSyncVersion={Version}", "--disable-build-servers"));
    }

    [OneTimeTearDown]
    public void DeleteTheWorkFolder()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Test]
    public void Restore_TakesTheFreshlyPackedPackages()
    {
        var libraries = _assets.GetProperty("libraries");

        Assert.Multiple(() =>
        {
            Assert.That(Sha512Of(libraries, $"FlightTaskSync.Client/{Version}"), Is.EqualTo(Packed.Client.Sha512()), "not a cached FlightTaskSync.Client");
            Assert.That(Sha512Of(libraries, $"FlightTaskSync.Emulator/{Version}"), Is.EqualTo(Packed.Emulator.Sha512()), "not a cached FlightTaskSync.Emulator");
        });
    }

    [Test]
    public void Restore_BringsNeitherTheGeneratorNorItsParserWithTheSdk()
    {
        var target = _assets.GetProperty("targets").GetProperty("net10.0");
        var sdkClosure = DependencyClosure(target, $"FlightTaskSync.Client/{Version}");
        var everyLibrary = _assets.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(sdkClosure, Has.Count.GreaterThan(5), "the SDK's dependencies were followed");
            Assert.That(sdkClosure, Has.None.Match(PackageContentTests.GeneratorPackages));
            Assert.That(everyLibrary, Has.None.Contains("CodeGeneration").And.None.StartsWith("Microsoft.CodeAnalysis"));
        });
    }

    [Test]
    public async Task ReadmeSnippets_EveryCSharpBlockOfBothReadmes_CompilesAgainstThePackages()
    {
        var build = await _build.Value;

        Assert.Multiple(() =>
        {
            Assert.That(_snippets.Count(s => s.File == Packed.Layout.PackageReadme), Is.GreaterThanOrEqualTo(10), "the package README's snippets were found");
            Assert.That(_snippets.Count(s => s.File != Packed.Layout.PackageReadme), Is.GreaterThanOrEqualTo(1), "the repository README's snippets were found");
            Assert.That(build.ExitCode, Is.Zero, "a README snippet (or the app) does not compile against the packages:\n" + build.Tail);
        });
    }

    [Test]
    public async Task App_BuiltFromThePackagesAlone_SyncsFromTheEmulatorPackage_AndReadsTasksBack()
    {
        (await _build.Value).EnsureSucceeded();

        var database = Path.Combine(_work, "data");
        var run = await DotNetCli.RunAsync(_app, CommandTimeout, Path.Combine(_app, "bin", "Release", "net10.0", "FlightTaskSync.PackageConsumer.dll"), database);

        Assert.That(run.ExitCode, Is.Zero, run.Tail);
        Assert.That(run.Output, Does.Contain("OK synced "));
        TestContext.Progress.WriteLine("Package consumer: " + run.Output.Trim());
    }

    private static string Sha512Of(JsonElement libraries, string library) =>
        libraries.TryGetProperty(library, out var entry)
            ? entry.GetProperty("sha512").GetString()!
            : throw new AssertionException($"The restore took no {library}.");

    /// <summary>Every package a library depends on, directly or not, as the restore resolved them.</summary>
    private static HashSet<string> DependencyClosure(JsonElement target, string root)
    {
        var resolved = target.EnumerateObject().ToDictionary(p => p.Name.Split('/')[0], p => p.Value, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([root.Split('/')[0]]);
        while (pending.TryPop(out var name))
        {
            if (resolved.TryGetValue(name, out var library) && library.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    if (seen.Add(dependency.Name))
                    {
                        pending.Push(dependency.Name);
                    }
                }
            }
        }

        return seen;
    }

}
