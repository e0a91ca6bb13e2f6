namespace FlightTaskSync.Emulator.Data;

/// <summary>Whether a field, plan or survey id may be given to a task of an organization.</summary>
internal enum RelatedItemStanding
{
    /// <summary>No field, plan or survey (of the kind asked) has this id.</summary>
    Unknown,

    /// <summary>It belongs to the task's organization.</summary>
    OfTheOrganization,

    /// <summary>It exists, but belongs to another organization.</summary>
    OfAnotherOrganization,
}
