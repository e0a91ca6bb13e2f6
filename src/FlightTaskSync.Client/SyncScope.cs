namespace FlightTaskSync.Client;

/// <summary>
/// What is synced and held together: one organization, with or without the organizations below it.
/// Scopes are exact: the same organization with and without descendants are two scopes, each
/// with its own copy of the tasks.
/// </summary>
/// <param name="OrganizationSenteraId">The organization's <c>sentera_id</c>, e.g. <c>ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333</c>.</param>
/// <param name="IncludeDescendantOrganizations">Whether the tasks of the organizations below it are included too.</param>
public sealed record SyncScope(string OrganizationSenteraId, bool IncludeDescendantOrganizations = false)
{
    private readonly string _organizationSenteraId = RequireId(OrganizationSenteraId, nameof(OrganizationSenteraId));

    /// <summary>Gets the organization's <c>sentera_id</c>; never null, empty or white space.</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string OrganizationSenteraId
    {
        get => _organizationSenteraId;
        init => _organizationSenteraId = RequireId(value, nameof(OrganizationSenteraId));
    }

    /// <summary>Gives the organization's id, followed by <c>(with descendants)</c> when they are included.</summary>
    /// <returns>For example <c>ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333 (with descendants)</c>.</returns>
    public override string ToString() =>
        IncludeDescendantOrganizations ? $"{OrganizationSenteraId} (with descendants)" : OrganizationSenteraId;

    private static string RequireId(string value, string parameterName) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException(
                "A sync scope needs the sentera_id of an organization (e.g. 'ezpt0wj_OR_...'); it was null, empty or white space.",
                parameterName)
            : value;
}
