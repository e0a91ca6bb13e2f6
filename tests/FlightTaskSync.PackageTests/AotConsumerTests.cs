using FlightTaskSync.PackageTests.Infrastructure;

namespace FlightTaskSync.PackageTests;

/// <summary>
/// A trimmed, native AOT app built from the packed FlightTaskSync.Client alone
/// (tests/FlightTaskSync.AotConsumer): its publish must give no warning at all, the trim and
/// AOT analysis covering the whole SDK assembly, and the native program must sync and read.
/// </summary>
public sealed class AotConsumerTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    private string _work = "";

    private static PackedRepository Packed => PackedRepository.Current;

    [OneTimeSetUp]
    public void CreateTheWorkFolder() =>
        _work = Path.Combine(Path.GetTempPath(), "flighttasksync-aot-consumer", Guid.NewGuid().ToString("N"));

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
    public async Task NativeAotPublish_OfAnAppOnThePackage_HasNoWarning_AndTheProgramSyncsAndReads()
    {
        var app = Path.Combine(_work, "app");
        FolderFeed.CopyProject(Packed.Layout.AotConsumerProject, app);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), await FolderFeed.NuGetConfigAsync(Packed, _work));
        var output = Path.Combine(_work, "published");

        var publish = await DotNetCli.RunAsync(
            app, CommandTimeout, "publish", "-c", "Release", "-o", output, $"-p:FlightTaskSyncVersion={Packed.Layout.Version}", "--disable-build-servers");
        TestContext.Progress.WriteLine($"Native AOT publish of the AOT consumer: {publish.Duration.TotalSeconds:0} s");

        var warnings = publish.Output.Split('\n').Where(line => line.Contains(" warning ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(publish.ExitCode, Is.Zero, publish.Tail);
            Assert.That(warnings, Is.Empty, "trim and AOT analysis of the app and the SDK");
        });

        var program = Path.Combine(output, OperatingSystem.IsWindows() ? "FlightTaskSync.AotConsumer.exe" : "FlightTaskSync.AotConsumer");
        Assert.That(File.Exists(program), Is.True, "the publish made a native program");
        Assert.That(File.Exists(Path.Combine(output, "FlightTaskSync.Client.dll")), Is.False, "compiled to native code, not shipped as IL");

        var run = await DotNetCli.RunProgramAsync(program, _work, TimeSpan.FromMinutes(2), Path.Combine(_work, "data"));

        Assert.That(run.ExitCode, Is.Zero, run.Tail);
        Assert.That(run.Output, Does.Contain("OK native: "));
        TestContext.Progress.WriteLine("AOT consumer: " + run.Output.Trim());
    }
}
