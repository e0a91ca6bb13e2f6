namespace FlightTaskSync.Client.Storage;

/// <summary>What applying one page changed in the store.</summary>
/// <param name="Inserted">Tasks the scope did not hold before the page.</param>
/// <param name="Updated">Tasks the scope held, replaced by the page's copy.</param>
/// <param name="Deleted">Rows really removed; an id the scope did not hold counts 0.</param>
internal sealed record PageWriteResult(int Inserted, int Updated, int Deleted);
