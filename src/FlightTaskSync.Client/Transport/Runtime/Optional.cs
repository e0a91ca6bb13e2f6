namespace FlightTaskSync.Client.Transport;

/// <summary>
/// The value of an input-object field that may be left out of a request. <see cref="Unset"/>
/// (also <c>default</c>) is not sent at all, so the server keeps what it has; a value is sent,
/// and a set <see langword="null"/> is sent as <c>null</c>, which clears the field on the server.
/// A value converts implicitly: <c>Notes = "Creek corner flooded"</c>, <c>Notes = null</c>.
/// </summary>
/// <typeparam name="T">The field's type; nullable when the field accepts null.</typeparam>
internal readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>Creates a set value (<see langword="null"/> included).</summary>
    /// <param name="value">The value to send.</param>
    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Gets the unset value: the field is left out of the request.</summary>
    public static Optional<T> Unset => default;

    /// <summary>Gets whether a value (<see langword="null"/> included) is set and will be sent.</summary>
    public bool IsSet { get; }

    /// <summary>Gets the value that will be sent.</summary>
    /// <exception cref="InvalidOperationException">The value is not set.</exception>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The optional value is not set: check IsSet first.");

    /// <summary>Sets a value (<see langword="null"/> included): the field will be sent.</summary>
    /// <param name="value">The value to send.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Tells whether two optional values are both unset, or both set to equal values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Tells whether two optional values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) =>
        IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <summary>Describes the value for logs and test messages: <c>(unset)</c>, <c>null</c>, or the value.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => !IsSet ? "(unset)" : _value?.ToString() ?? "null";
}
