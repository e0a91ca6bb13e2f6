using System.Globalization;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// The value of an <c>AttributeError</c>: a Rails-style validation error. <c>key</c> is the Rails error
/// key (<c>blank</c>, <c>too_long</c>, ...), <c>message</c> the Rails message without the attribute's
/// name ("can't be blank"), <c>code</c> the key in upper case, <c>details</c> what Rails' error details
/// would add (such as <c>{"count": 255}</c>), or null.
/// </summary>
internal sealed record AttributeFailure(string? Attribute, string Key, string Message, IReadOnlyDictionary<string, object?>? Details = null)
{
    public string Code => Key.ToUpperInvariant();

    public static AttributeFailure Blank(string attribute) => new(attribute, "blank", "can't be blank");

    public static AttributeFailure TooLong(string attribute, int maximum) =>
        new(attribute, "too_long", $"is too long (maximum is {maximum.ToString(CultureInfo.InvariantCulture)} characters)", Detail("count", maximum));

    public static AttributeFailure NotFound(string attribute) => new(attribute, "not_found", "does not exist");

    public static AttributeFailure OfAnotherOrganization(string attribute) =>
        new(attribute, "invalid", "belongs to another organization");

    public static AttributeFailure Immutable(string attribute) => new(attribute, "immutable", "can't be changed");

    /// <summary>What the state_machines gem reports for an event the current state does not allow.</summary>
    public static AttributeFailure InvalidTransition(string eventName, string status) =>
        new("status", "invalid_transition", $"cannot transition via \"{eventName}\"", Detail("status", status));

    private static Dictionary<string, object?> Detail(string name, object value) => new(StringComparer.Ordinal) { [name] = value };
}
