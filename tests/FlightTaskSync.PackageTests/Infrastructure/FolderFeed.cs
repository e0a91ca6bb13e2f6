using System.Security;

namespace FlightTaskSync.PackageTests.Infrastructure;

/// <summary>How the consumer apps get the packed packages: copied out of the repository, with a nuget.config of their own.</summary>
internal static class FolderFeed
{
    /// <summary>Copies a project's .cs and .csproj files (not bin/ or obj/) to a folder outside the repository.</summary>
    public static void CopyProject(string project, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(project).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }

    /// <summary>
    /// A nuget.config that maps FlightTaskSync.* to the packed folder feed only and every other
    /// package to this machine's usual sources. Restored packages go to a folder of this run;
    /// the machine's package cache is a read-only fallback for the other packages, so nothing
    /// is downloaded twice (and a stale FlightTaskSync package there would fail the hash test).
    /// </summary>
    public static async Task<string> NuGetConfigAsync(PackedRepository packed, string work)
    {
        var listed = (await DotNetCli.RunAsync(packed.Layout.Root, TimeSpan.FromMinutes(2), "nuget", "list", "source", "--format", "short")).EnsureSucceeded();
        var upstream = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        NUnit.Framework.Assert.That(upstream, Is.Not.Empty, $"this machine has an enabled package source:\n{listed.Output}");

        var locals = (await DotNetCli.RunAsync(packed.Layout.Root, TimeSpan.FromMinutes(2), "nuget", "locals", "global-packages", "--list")).EnsureSucceeded();
        var cache = locals.Output.Trim().Split(": ", 2)[1].Trim();

        var sources = string.Join('\n', upstream.Select((url, i) => $"""    <add key="upstream-{i + 1}" value="{Xml(url)}" />"""));
        var mappings = string.Join('\n', upstream.Select((_, i) => $"""    <packageSource key="upstream-{i + 1}"><package pattern="*" /></packageSource>"""));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Written by FlightTaskSync.PackageTests for one run. -->
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Xml(Path.Combine(work, "packages"))}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-cache" value="{Xml(cache)}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="flighttasksync-packed" value="{Xml(packed.Feed)}" />
            {sources}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="flighttasksync-packed"><package pattern="FlightTaskSync.*" /></packageSource>
            {mappings}
              </packageSourceMapping>
            </configuration>
            """;
    }

    private static string Xml(string text) => SecurityElement.Escape(text);
}
