using System.Security;
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

    private static PackedRepository Packed => PackedRepository.Current;

    private static string Version => Packed.Layout.Version;

    [OneTimeSetUp]
    public async Task RestoreTheConsumerFromTheFolderFeed()
    {
        _work = Path.Combine(Path.GetTempPath(), "flighttasksync-package-consumer", Guid.NewGuid().ToString("N"));
        _app = Path.Combine(_work, "app");
        Directory.CreateDirectory(_app);
        foreach (var file in Directory.EnumerateFiles(Packed.Layout.ConsumerProject).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(_app, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(_app, "nuget.config"), await NuGetConfigAsync());
        (await DotNetCli.RunAsync(_app, CommandTimeout, "restore", $"-p:FlightTaskSyncVersion={Version}")).EnsureSucceeded();
        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_app, "obj", "project.assets.json")));
        _assets = assets.RootElement.Clone();
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
    public async Task App_BuiltFromThePackagesAlone_SyncsFromTheEmulatorPackage_AndReadsTasksBack()
    {
        (await DotNetCli.RunAsync(_app, CommandTimeout, "build", "--no-restore", "-c", "Release", $"-p:FlightTaskSyncVersion={Version}", "--disable-build-servers")).EnsureSucceeded();

        var database = Path.Combine(_work, "data");
        var run = await DotNetCli.RunAsync(_app, CommandTimeout, Path.Combine(_app, "bin", "Release", "net10.0", "FlightTaskSync.PackageConsumer.dll"), database);

        Assert.That(run.ExitCode, Is.Zero, run.Tail);
        Assert.That(run.Output, Does.Contain("OK synced "));
        TestContext.Progress.WriteLine("Package consumer: " + run.Output.Trim());
    }

    /// <summary>
    /// A nuget.config that maps FlightTaskSync.* to the packed folder feed only and every other
    /// package to this machine's usual sources. Restored packages go to a folder of this run;
    /// the machine's package cache is a read-only fallback for the other packages, so nothing
    /// is downloaded twice (and a stale FlightTaskSync package there would fail the hash test).
    /// </summary>
    private async Task<string> NuGetConfigAsync()
    {
        var listed = (await DotNetCli.RunAsync(Packed.Layout.Root, CommandTimeout, "nuget", "list", "source", "--format", "short")).EnsureSucceeded();
        var upstream = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        Assert.That(upstream, Is.Not.Empty, $"this machine has an enabled package source:\n{listed.Output}");

        var locals = (await DotNetCli.RunAsync(Packed.Layout.Root, CommandTimeout, "nuget", "locals", "global-packages", "--list")).EnsureSucceeded();
        var cache = locals.Output.Trim().Split(": ", 2)[1].Trim();

        var sources = string.Join('\n', upstream.Select((url, i) => $"""    <add key="upstream-{i + 1}" value="{Xml(url)}" />"""));
        var mappings = string.Join('\n', upstream.Select((_, i) => $"""    <packageSource key="upstream-{i + 1}"><package pattern="*" /></packageSource>"""));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Written by FlightTaskSync.PackageTests for one run. -->
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Xml(Path.Combine(_work, "packages"))}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-cache" value="{Xml(cache)}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="flighttasksync-packed" value="{Xml(Packed.Feed)}" />
            {sources}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="flighttasksync-packed"><package pattern="FlightTaskSync.*" /></packageSource>
            {mappings}
              </packageSourceMapping>
            </configuration>
            """;
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

    private static string Xml(string text) => SecurityElement.Escape(text);
}
