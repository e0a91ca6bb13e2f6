namespace FlightTaskSync.Client;

/// <summary>
/// One reason the server gave for refusing an offline edit: a Rails-style validation error such
/// as <c>{attribute: "name", key: "blank", message: "can't be blank"}</c>.
/// </summary>
public sealed class PendingEditError
{
    /// <summary>Gets the server field the error is about (e.g. <c>name</c>, <c>status</c>), when it said.</summary>
    public string? Attribute { get; init; }

    /// <summary>Gets the server's snake_case identifier of the problem, e.g. <c>blank</c>, <c>too_long</c>, <c>invalid_transition</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the server's English message, e.g. <c>can't be blank</c>.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the server's UPPER_CASE code, when it sent one.</summary>
    public string? Code { get; init; }

    /// <summary>Describes the error for logs and screens.</summary>
    /// <returns>For example <c>name can't be blank (blank)</c>.</returns>
    public override string ToString() => Attribute is null ? $"{Message} ({Key})" : $"{Attribute} {Message} ({Key})";
}
