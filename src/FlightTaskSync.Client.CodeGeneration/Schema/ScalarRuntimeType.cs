namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>
/// The .NET type a scalar becomes in generated code, with the <c>JsonResultReader</c> method
/// that reads it and the <c>Utf8JsonWriter</c> call that writes it.
/// </summary>
internal sealed class ScalarRuntimeType
{
    public static readonly ScalarRuntimeType Id = new("ID", "string", false, "ReadId", "writer.WriteStringValue({0});");
    public static readonly ScalarRuntimeType String = new("String", "string", false, "ReadString", "writer.WriteStringValue({0});");
    public static readonly ScalarRuntimeType Int32 = new("Int32", "int", true, "ReadInt32", "writer.WriteNumberValue({0});");
    public static readonly ScalarRuntimeType Int64 = new("Int64", "long", true, "ReadInt64", "writer.WriteNumberValue({0});");
    public static readonly ScalarRuntimeType Double = new("Double", "double", true, "ReadDouble", "writer.WriteNumberValue({0});");
    public static readonly ScalarRuntimeType Decimal = new("Decimal", "decimal", true, "ReadDecimal", "writer.WriteNumberValue({0});");
    public static readonly ScalarRuntimeType Boolean = new("Boolean", "bool", true, "ReadBoolean", "writer.WriteBooleanValue({0});");
    public static readonly ScalarRuntimeType Guid = new("Guid", "global::System.Guid", true, "ReadGuid", "writer.WriteStringValue({0});");
    public static readonly ScalarRuntimeType DateTimeOffset = new("DateTimeOffset", "global::System.DateTimeOffset", true, "ReadDateTimeOffset", "writer.WriteStringValue({0});");
    public static readonly ScalarRuntimeType JsonElement = new("JsonElement", "global::System.Text.Json.JsonElement", true, "ReadJsonElement", "{0}.WriteTo(writer);");

    /// <summary>A custom scalar without <c>@runtimeType</c>: a string value as it is, any other value as its JSON text.</summary>
    public static readonly ScalarRuntimeType Opaque = new("(none)", "string", false, "ReadScalarAsString", "writer.WriteStringValue({0});");

    private static readonly ScalarRuntimeType[] Choices = [String, DateTimeOffset, JsonElement, Int32, Int64, Double, Boolean, Decimal, Guid];

    private ScalarRuntimeType(string name, string csharpType, bool isValueType, string readMethod, string writeStatement)
    {
        Name = name;
        CSharpType = csharpType;
        IsValueType = isValueType;
        ReadMethod = readMethod;
        WriteStatementFormat = writeStatement;
    }

    public string Name { get; }

    /// <summary>Gets the C# type, <c>global::</c>-qualified unless it is a keyword type.</summary>
    public string CSharpType { get; }

    public bool IsValueType { get; }

    /// <summary>Gets the name of the <c>JsonResultReader</c> method that reads a value.</summary>
    public string ReadMethod { get; }

    /// <summary>Gets the statement that writes a value (<c>{0}</c>) with a <c>Utf8JsonWriter</c> named <c>writer</c>.</summary>
    public string WriteStatementFormat { get; }

    /// <summary>Gets the names <c>@runtimeType</c> accepts, for messages.</summary>
    public static string ChoiceList => string.Join(", ", Choices.Select(c => c.Name));

    public static ScalarRuntimeType? ForBuiltInScalar(string scalarName) => scalarName switch
    {
        "ID" => Id,
        "String" => String,
        "Int" => Int32,
        "Float" => Double,
        "Boolean" => Boolean,
        _ => null,
    };

    /// <summary>
    /// Reads the value of <c>@runtimeType(name: ...)</c>: <c>X</c>, <c>System.X</c> or
    /// <c>global::System.X</c> (<c>System.Text.Json.JsonElement</c> for JSON).
    /// </summary>
    public static ScalarRuntimeType? FromDirectiveValue(string value)
    {
        var name = value.Trim();
        if (name.StartsWith("global::", StringComparison.Ordinal))
        {
            name = name.Substring("global::".Length);
        }

        if (name == "System.Text.Json.JsonElement")
        {
            return JsonElement;
        }

        if (name.StartsWith("System.", StringComparison.Ordinal))
        {
            name = name.Substring("System.".Length);
        }

        foreach (var choice in Choices)
        {
            if (choice.Name == name && choice != JsonElement)
            {
                return choice;
            }
        }

        return value.Trim() == "JsonElement" ? JsonElement : null;
    }
}
