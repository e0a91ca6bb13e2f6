namespace FlightTaskSync.IntegrationTests.Emulator.Support;

/// <summary>What a sync client holds for one scope: id to hash, updated page by page as the protocol says.</summary>
internal sealed class ClientReplica
{
    public Dictionary<string, string> Hashes { get; } = new(StringComparer.Ordinal);

    public List<SyncResponse> Pages { get; } = [];

    public void Apply(SyncResponse page)
    {
        Pages.Add(page);
        foreach (var (id, hash) in page.Upserted)
        {
            Hashes[id] = hash;
        }

        foreach (var (id, _) in page.Deleted)
        {
            Hashes.Remove(id);
        }
    }

    /// <summary>Syncs until remaining_count is 0 or a page brings nothing; gives up after <paramref name="maxPages"/>.</summary>
    public async Task SyncToCompletionAsync(EmulatorClient client, string organizationId, bool? includeDescendants = null, int maxPages = 50)
    {
        for (var i = 0; i < maxPages; i++)
        {
            var page = await client.SyncAsync(organizationId, Hashes.Values, includeDescendants);
            Assert.That(page.HasErrors, Is.False, () => page.Root.ToString());
            Apply(page);
            if (page.RemainingCount == 0 || (page.Upserted.Count == 0 && page.Deleted.Count == 0))
            {
                return;
            }
        }

        Assert.Fail($"The sync did not finish in {maxPages} pages.");
    }
}
