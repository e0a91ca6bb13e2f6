using System.Text;

namespace FlightTaskSync.Emulator.Data;

/// <summary>
/// Makes ids of the real shape, e.g. <c>w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336</c>:
/// a random 7-character prefix, the kind (<c>TA</c>, <c>OR</c>, <c>AS</c>, <c>CO</c>, <c>FS</c>,
/// <c>US</c>), a random tag with the company's name, the deployment, a build stamp and the
/// creation time. Every id it makes is unique.
/// </summary>
internal sealed class SenteraIdFactory
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string HexDigits = "0123456789abcdef";

    private static readonly string[] Deployments = ["deve", "stag", "prod"];

    private readonly Random _random;
    private readonly string _deployment;
    private readonly string _build;
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    public SenteraIdFactory(Random random)
    {
        _random = random;
        _deployment = Deployments[random.Next(Deployments.Length)];
        _build = new string(RandomText(HexDigits, 9));
    }

    public string Next(string kind, string company, DateTimeOffset createdAt)
    {
        var utc = createdAt.UtcDateTime;
        Span<char> id = stackalloc char[64 + kind.Length + company.Length];
        while (true)
        {
            var length = 0;
            Write(id, ref length, RandomText(Alphabet, 7));
            Write(id, ref length, "_");
            Write(id, ref length, kind);
            Write(id, ref length, "_");
            Write(id, ref length, RandomText(Alphabet, 4 + _random.Next(3)));
            Write(id, ref length, company);
            Write(id, ref length, "_CV_");
            Write(id, ref length, _deployment);
            Write(id, ref length, "_");
            Write(id, ref length, _build);
            Write(id, ref length, "_");
            WriteTwoDigits(id, ref length, utc.Year % 100, utc.Month, utc.Day);
            Write(id, ref length, "_");
            WriteTwoDigits(id, ref length, utc.Hour, utc.Minute, utc.Second);
            var text = new string(id[..length]);
            if (_issued.Add(text))
            {
                return text;
            }
        }
    }

    /// <summary>Reserves an id given from outside, so that no generated id ever equals it.</summary>
    public void Reserve(string id) => _issued.Add(id);

    /// <summary>The company part of an id: the first word of a name, letters and digits only.</summary>
    public static string CompanyTag(string name)
    {
        var tag = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                tag.Append(c);
            }
            else if (tag.Length > 0)
            {
                break;
            }
        }

        return tag.Length > 0 ? tag.ToString() : "Org";
    }

    private ReadOnlySpan<char> RandomText(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return chars;
    }

    private static void Write(Span<char> target, ref int length, ReadOnlySpan<char> text)
    {
        text.CopyTo(target[length..]);
        length += text.Length;
    }

    /// <summary>Writes yyMMdd or HHmmss.</summary>
    private static void WriteTwoDigits(Span<char> target, ref int length, int first, int second, int third)
    {
        foreach (var value in (ReadOnlySpan<int>)[first, second, third])
        {
            target[length++] = (char)('0' + (value / 10));
            target[length++] = (char)('0' + (value % 10));
        }
    }
}
