using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Reads a GraphQL response body (<c>{"data": ..., "errors": [...]}</c>, members in any order)
/// into an <see cref="OperationResult{TData}"/>. Every problem with the body becomes an error of
/// the result; nothing here throws for what a server sent.
/// </summary>
internal static class GraphQLResponseReader
{
    public static OperationResult<TData> Read<TData>(ReadOnlyMemory<byte> json, IOperationResultParser<TData> parser)
        where TData : class
    {
        // Sliced before anything is read: the parser's raw JSON slices are positions in what it is given.
        json = WithoutByteOrderMark(json);
        if (IsBlank(json.Span))
        {
            return Failed<TData>(new ClientError(
                "The server answered with an empty body where a GraphQL response was expected.",
                ClientErrorCodes.ResponseNotJson));
        }

        TData? data = null;
        var errors = new List<IClientError>();
        var sawData = false;
        var sawErrors = false;
        try
        {
            var reader = new Utf8JsonReader(json.Span);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Failed<TData>(new ClientError(
                    "The response body is JSON but not a GraphQL response object.",
                    ClientErrorCodes.ResponseInvalid));
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    sawData = true;
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        try
                        {
                            data = parser.Parse(ref reader, json);
                        }
                        catch (Exception exception) when (exception is ResultParseException or InvalidOperationException)
                        {
                            // The reader cannot go on from inside a broken value: report the
                            // data problem with whatever errors the body also carries.
                            var result = new List<IClientError>(ReadErrorsOnly(json))
                            {
                                new ClientError(
                                    $"The response data does not match the operation: {exception.Message}.",
                                    ClientErrorCodes.ResponseInvalid,
                                    (exception as ResultParseException)?.Path,
                                    exception: exception),
                            };
                            return new OperationResult<TData>(null, result);
                        }
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        return Failed<TData>(new ClientError(
                            "The response's \"data\" member is neither an object nor null.",
                            ClientErrorCodes.ResponseInvalid));
                    }
                }
                else if (reader.ValueTextEquals("errors"u8))
                {
                    reader.Read();
                    sawErrors = true;
                    ReadErrors(ref reader, errors);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything but whitespace after the response object is a broken body.
            if (reader.Read())
            {
                throw new JsonException("The body goes on after the end of the response object.");
            }
        }
        catch (JsonException exception)
        {
            return Failed<TData>(new ClientError(
                $"The response body is not valid JSON; it may have been cut short ({exception.Message})",
                ClientErrorCodes.ResponseNotJson,
                exception: exception));
        }
        catch (InvalidOperationException exception)
        {
            // The reader throws this, not a JsonException, for a string it cannot decode: bytes
            // that are not UTF-8, or an escaped lone surrogate. The body is JSON-shaped, its text is not.
            return Failed<TData>(new ClientError(
                $"The response holds text that cannot be decoded ({exception.Message})",
                ClientErrorCodes.ResponseInvalid,
                exception: exception));
        }

        if (!sawData && !sawErrors)
        {
            return Failed<TData>(new ClientError(
                "The response has neither \"data\" nor \"errors\".",
                ClientErrorCodes.ResponseInvalid));
        }

        if (data is null && errors.Count == 0)
        {
            errors.Add(new ClientError("The response's data is null and it carries no error.", ClientErrorCodes.ResponseInvalid));
        }

        return new OperationResult<TData>(data, errors);
    }

    /// <summary>Reads only the <c>errors</c> of a body, for a response that failed: best effort, never throws.</summary>
    public static IReadOnlyList<IClientError> ReadErrorsOnly(ReadOnlyMemory<byte> json)
    {
        var errors = new List<IClientError>();
        try
        {
            var reader = new Utf8JsonReader(WithoutByteOrderMark(json).Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return errors;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isErrors = reader.ValueTextEquals("errors"u8);
                reader.Read();
                if (isErrors)
                {
                    ReadErrors(ref reader, errors);
                    return errors;
                }

                reader.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON (an HTML error page, say), or text that cannot be decoded: there are no
            // GraphQL errors to report.
        }

        return errors;
    }

    private static void ReadErrors(ref Utf8JsonReader reader, List<IClientError> errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.StartObject:
                errors.Add(ReadError(ref reader));
                return;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        errors.Add(ReadError(ref reader));
                    }
                    else
                    {
                        reader.Skip();
                        errors.Add(new ClientError("The server reported an error that is not an object.", ClientErrorCodes.ResponseInvalid));
                    }
                }

                return;
            default:
                reader.Skip();
                errors.Add(new ClientError("The response's \"errors\" member is not a list.", ClientErrorCodes.ResponseInvalid));
                return;
        }
    }

    private static ClientError ReadError(ref Utf8JsonReader reader)
    {
        string? message = null;
        string? code = null;
        List<object>? path = null;
        JsonElement? extensions = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("path"u8))
            {
                reader.Read();
                path = ReadPath(ref reader);
            }
            else if (reader.ValueTextEquals("extensions"u8))
            {
                reader.Read();
                var value = JsonElement.ParseValue(ref reader);
                if (value.ValueKind == JsonValueKind.Object)
                {
                    extensions = value;
                    if (value.TryGetProperty("code"u8, out var codeValue) && codeValue.ValueKind == JsonValueKind.String)
                    {
                        code = codeValue.GetString();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ClientError(message ?? "The server reported an error without a message.", code, path, extensions);
    }

    private static List<object>? ReadPath(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var path = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var index))
            {
                path.Add(index);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                path.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return path;
    }

    /// <summary>
    /// Drops a UTF-8 byte order mark before the JSON text: RFC 8259 (section 8.1) lets a parser
    /// ignore one, some servers send one, and <see cref="Utf8JsonReader"/> does not skip it.
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> json) =>
        json.Span.StartsWith("\uFEFF"u8) ? json[3..] : json;

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.Trim(" \t\r\n"u8).IsEmpty;

    private static OperationResult<TData> Failed<TData>(ClientError error)
        where TData : class => new(null, [error]);
}
