namespace FlightTaskSync.Emulator.Data;

/// <summary>The kinds of object a task references that implement <c>SyncItem</c>.</summary>
internal enum RelatedItemKind
{
    Field,
    Plan,
    Survey,
}
