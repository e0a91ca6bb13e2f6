using System.Globalization;
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
        _build = RandomText(HexDigits, 9);
    }

    public string Next(string kind, string company, DateTimeOffset createdAt)
    {
        var utc = createdAt.UtcDateTime;
        while (true)
        {
            var id = string.Create(
                CultureInfo.InvariantCulture,
                $"{RandomText(Alphabet, 7)}_{kind}_{RandomText(Alphabet, 4 + _random.Next(3))}{company}_CV_{_deployment}_{_build}_{utc:yyMMdd}_{utc:HHmmss}");
            if (_issued.Add(id))
            {
                return id;
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

    private string RandomText(string alphabet, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
