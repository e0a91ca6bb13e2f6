namespace FlightTaskSync.Client.CodeGeneration.Pipeline;

/// <summary>
/// One <c>.graphql</c> additional file as the pipeline carries it: its path and its text.
/// Compared by value, so that an unchanged file keeps the generator's output cached.
/// </summary>
internal sealed class GraphQLSourceFile : IEquatable<GraphQLSourceFile>
{
    public GraphQLSourceFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public string Text { get; }

    public bool Equals(GraphQLSourceFile? other) =>
        other is not null
        && string.Equals(Path, other.Path, StringComparison.Ordinal)
        && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as GraphQLSourceFile);

    public override int GetHashCode() =>
        unchecked((StringComparer.Ordinal.GetHashCode(Path) * 397) ^ StringComparer.Ordinal.GetHashCode(Text));
}
