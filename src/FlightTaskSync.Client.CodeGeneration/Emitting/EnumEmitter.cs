using FlightTaskSync.Client.CodeGeneration.Pipeline;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits a GraphQL enum as a C# enum whose first member, <c>Unknown = 0</c>, stands for values
/// the server added after the client was generated, and its serializer: <c>Parse</c> compares
/// UTF-8 bytes (no string for known values) and <c>Format</c> gives the GraphQL name back.
/// </summary>
internal sealed class EnumEmitter
{
    private const string UnknownMember = "Unknown";

    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;

    public EnumEmitter(ClientSettings settings)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
    }

    public static string SerializerName(SchemaType enumType) => enumType.DotNetName + "Serializer";

    /// <summary>Pairs each GraphQL value with its member name, keeping names unique and clear of <c>Unknown</c>.</summary>
    public static IReadOnlyList<(string Value, string Member)> Members(SchemaType enumType)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { UnknownMember };
        var members = new List<(string, string)>();
        foreach (var value in enumType.EnumValues)
        {
            var baseName = CSharpNames.EnumMember(value);
            var member = baseName;
            for (var suffix = 2; !used.Add(member); suffix++)
            {
                member = baseName == UnknownMember && suffix == 2 ? baseName + "Value" : baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            members.Add((value, member));
        }

        return members;
    }

    public string Emit(SchemaType enumType)
    {
        var name = enumType.DotNetName;
        var qualified = _types.Generated(name);
        var members = Members(enumType);
        var writer = CodeWriter.ForFile(_settings.Namespace);

        writer.Line();
        writer.Summary($"The GraphQL enum <c>{enumType.Name}</c>.");
        writer.Open($"{_settings.AccessModifier} enum {name}");
        writer.Summary("A value this client does not know: the server added it after the client was generated.");
        writer.Line($"{UnknownMember} = 0,");
        foreach (var (value, member) in members)
        {
            writer.Line();
            writer.Summary($"<c>{value}</c>");
            writer.Line($"{member},");
        }

        writer.Close();

        writer.Line();
        writer.Summary($"Reads and writes <see cref=\"{qualified}\"/> values as GraphQL enum values.");
        writer.Open($"{_settings.AccessModifier} static class {SerializerName(enumType)}");
        writer.Summary($"Reads the enum value the reader stands on; a value the client does not know is <see cref=\"{qualified}.{UnknownMember}\"/>.");
        writer.Line("/// <param name=\"reader\">The reader, standing on a string.</param>");
        writer.Line("/// <returns>The value.</returns>");
        writer.Line($"/// <exception cref=\"{RuntimeTypes.ResultParseException}\">The value is not a string.</exception>");
        writer.Open($"public static {qualified} Parse(ref {RuntimeTypes.Utf8JsonReader} reader)");
        writer.Line($"{RuntimeTypes.JsonResultReader}.ExpectString(ref reader, {CSharpNames.StringLiteral($"a {enumType.Name} value (a string)")});");
        foreach (var (value, member) in members)
        {
            writer.Open($"if (reader.ValueTextEquals({CSharpNames.Utf8Literal(value)}))");
            writer.Line($"return {qualified}.{member};");
            writer.Close();
        }

        writer.Line();
        writer.Line($"return {qualified}.{UnknownMember};");
        writer.Close();

        writer.Line();
        writer.Summary("Gives the GraphQL name of a value, to send it.");
        writer.Line("/// <param name=\"value\">The value.</param>");
        writer.Line("/// <returns>The GraphQL name.</returns>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is <see cref=\"{qualified}.{UnknownMember}\"/> or not a member.</exception>");
        writer.Open($"public static string Format({qualified} value) => value switch");
        foreach (var (value, member) in members)
        {
            writer.Line($"{qualified}.{member} => {CSharpNames.StringLiteral(value)},");
        }

        writer.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, {CSharpNames.StringLiteral($"Only values the schema defines can be sent; {name}.{UnknownMember} stands for a value received from a newer server.")}),");
        writer.Close(";");
        writer.Close();
        return writer.ToString();
    }
}
