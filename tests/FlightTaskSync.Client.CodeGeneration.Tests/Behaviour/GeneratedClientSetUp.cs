using FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Behaviour;

/// <summary>Builds the in-memory generated client once for every behaviour test, and unloads it after.</summary>
[SetUpFixture]
public sealed class GeneratedClientSetUp
{
    internal static GeneratedClientAssembly Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void BuildClient() => Client = GeneratedClientAssembly.Build();

    [OneTimeTearDown]
    public void UnloadClient() => Client.Dispose();
}
