using System.Text;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Thrown by generated parsers when the response data does not match the operation: a missing
/// or null required field, a value of the wrong JSON type. The path says where
/// (<c>sync_flight_tasks.upserted[3].content_hash</c>); each enclosing parser adds its segment.
/// </summary>
internal sealed class ResultParseException : Exception
{
    private readonly List<object> _reversedPath = [];

    public ResultParseException(string problem)
        : base(problem)
    {
        Problem = problem;
    }

    public ResultParseException(string problem, Exception innerException)
        : base(problem, innerException)
    {
        Problem = problem;
    }

    /// <summary>Gets what is wrong, without the path.</summary>
    public string Problem { get; }

    /// <summary>Gets the path from the data root to the value at fault (string and int segments).</summary>
    public IReadOnlyList<object> Path
    {
        get
        {
            var path = new List<object>(_reversedPath);
            path.Reverse();
            return path;
        }
    }

    /// <inheritdoc/>
    public override string Message => _reversedPath.Count == 0 ? Problem : $"{FormatPath()}: {Problem}";

    /// <summary>Creates the exception for a required field that the object lacks.</summary>
    public static ResultParseException MissingField(string responseName) =>
        new ResultParseException("the field is required but missing from the response").AtProperty(responseName);

    /// <summary>Adds a property segment in front of the path; returns this exception to rethrow.</summary>
    public ResultParseException AtProperty(string responseName)
    {
        _reversedPath.Add(responseName);
        return this;
    }

    /// <summary>Adds a list index segment in front of the path; returns this exception to rethrow.</summary>
    public ResultParseException AtIndex(int index)
    {
        _reversedPath.Add(index);
        return this;
    }

    private string FormatPath()
    {
        var text = new StringBuilder();
        for (var i = _reversedPath.Count - 1; i >= 0; i--)
        {
            if (_reversedPath[i] is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(_reversedPath[i]);
            }
        }

        return text.ToString();
    }
}
