namespace FlightTaskSync.Client;

/// <summary>
/// A property that both an offline edit and the server changed, to different values, between the
/// moment the edit was made and the push. Values are text: dates in ISO 8601 UTC, providers as the
/// server names them (<c>SELF</c>), <see langword="null"/> for no value.
/// </summary>
public sealed class PushConflictField
{
    /// <summary>Gets the property.</summary>
    public required FlightTaskProperty Property { get; init; }

    /// <summary>Gets the value the task had when the edit was made.</summary>
    public string? OriginalValue { get; init; }

    /// <summary>Gets the value the server has now.</summary>
    public string? ServerValue { get; init; }

    /// <summary>Gets the value the edit sets.</summary>
    public string? EditValue { get; init; }

    /// <summary>Names the property, never its values.</summary>
    /// <returns>The property's name.</returns>
    public override string ToString() => Property.ToString();
}
