using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>How GraphQL names become C# names, and how text becomes C# literals.</summary>
internal static class CSharpNames
{
    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Escapes a name that is a C# keyword with <c>@</c> (<c>class</c> becomes <c>@class</c>).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    /// <summary>Upper-cases the first letter and keeps the rest (<c>remaining_count</c> becomes <c>Remaining_count</c>).</summary>
    public static string UpperFirst(string name) =>
        name.Length == 0 || char.IsUpper(name[0]) ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>Lower-cases the first letter and keeps the rest.</summary>
    public static string LowerFirst(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>
    /// Makes an enum member name of a GraphQL enum value: <c>FLIGHT_COMPLETED</c> becomes
    /// <c>FlightCompleted</c>; a value that is not all capitals keeps its inner case
    /// (<c>inProgress</c> becomes <c>InProgress</c>).
    /// </summary>
    public static string EnumMember(string value)
    {
        var screaming = string.Equals(value.ToUpperInvariant(), value, StringComparison.Ordinal);
        var result = new StringBuilder(value.Length);
        foreach (var part in value.Split('_'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            result.Append(char.ToUpperInvariant(part[0]));
            var rest = part.Substring(1);
            result.Append(screaming ? rest.ToLowerInvariant() : rest);
        }

        if (result.Length == 0 || char.IsDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    /// <summary>Writes <paramref name="text"/> as a regular C# string literal, quotes included.</summary>
    public static string StringLiteral(string text)
    {
        var literal = new StringBuilder(text.Length + 2);
        literal.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    literal.Append("\\\"");
                    break;
                case '\\':
                    literal.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        literal.Append(c);
                    }

                    break;
            }
        }

        return literal.Append('"').ToString();
    }

    /// <summary>Writes <paramref name="text"/> as a C# UTF-8 string literal (<c>"..."u8</c>).</summary>
    public static string Utf8Literal(string text) => StringLiteral(text) + "u8";
}
