namespace FlightTaskSync.Client.Tests.Editing;

/// <summary>Unset is not sent, null clears, a value sets: FlightTaskChanges tracks which.</summary>
public sealed class FlightTaskChangesTests
{
    [Test]
    public void ChangedProperties_SetToAValueOrToNull_ListedUnsetNot()
    {
        // Arrange
        var changes = new FlightTaskChanges { Notes = "Creek corner flooded", AssignedToSenteraId = null, CompletedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero) };

        // Act
        var changed = changes.ChangedProperties;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EqualTo(new[] { FlightTaskProperty.Notes, FlightTaskProperty.AssignedToSenteraId, FlightTaskProperty.CompletedAt }));
            Assert.That(changes.IsChanged(FlightTaskProperty.AssignedToSenteraId), Is.True, "set to null: sent, to clear");
            Assert.That(changes.IsChanged(FlightTaskProperty.Name), Is.False);
            Assert.That(changes.IsEmpty, Is.False);
        });
    }

    [Test]
    public void IsEmpty_NothingSet_True()
    {
        Assert.That(new FlightTaskChanges().IsEmpty, Is.True);
    }

    [Test]
    public void MergedWith_LaterValuesWinAndEveryPropertyEitherSetIsKept()
    {
        // Arrange
        var first = new FlightTaskChanges { Notes = "first", Name = "North", Provider = FlightTaskProvider.Sentera };
        var later = new FlightTaskChanges { Notes = null, StartedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero) };

        // Act
        var merged = first.MergedWith(later);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(merged.ChangedProperties, Is.EqualTo(new[] { FlightTaskProperty.Name, FlightTaskProperty.Notes, FlightTaskProperty.Provider, FlightTaskProperty.StartedAt }));
            Assert.That(merged.Notes, Is.Null);
            Assert.That(merged.Name, Is.EqualTo("North"));
            Assert.That(merged.Provider, Is.EqualTo(FlightTaskProvider.Sentera));
            Assert.That(first.Notes, Is.EqualTo("first"), "the merged copy is new; the edits are unchanged");
        });
    }

    [Test]
    public void FromValues_RebuildsWhatWasSetNullsIncluded()
    {
        // Arrange
        var original = new FlightTaskChanges { Notes = null, DueAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), Provider = FlightTaskProvider.FlyGuys };

        // Act
        var rebuilt = FlightTaskChanges.FromValues(original.ChangedProperties.Select(p => KeyValuePair.Create(p, original.GetValue(p))));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(rebuilt.ChangedProperties, Is.EqualTo(original.ChangedProperties));
            Assert.That(rebuilt.DueAt, Is.EqualTo(original.DueAt));
            Assert.That(rebuilt.Provider, Is.EqualTo(FlightTaskProvider.FlyGuys));
        });
    }

    [Test]
    public void FromValues_ValueOfTheWrongType_Throws()
    {
        // Act, Assert
        Assert.That(
            () => FlightTaskChanges.FromValues([KeyValuePair.Create(FlightTaskProperty.DueAt, (object?)"tomorrow")]),
            Throws.ArgumentException.With.Message.Contains("DueAt"));
    }

    [Test]
    public void ToString_NamesThePropertiesNeverTheValues()
    {
        // Arrange
        var changes = new FlightTaskChanges { Notes = "private note" };

        // Act
        var text = changes.ToString();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("FlightTaskChanges { Notes }"));
            Assert.That(text, Does.Not.Contain("private"));
        });
    }
}
