namespace FlightTaskSync.Client.CodeGeneration.Pipeline;

/// <summary>One generated file: its hint name and its C# text.</summary>
internal sealed class GeneratedSource
{
    public GeneratedSource(string hintName, string text)
    {
        HintName = hintName;
        Text = text;
    }

    public string HintName { get; }

    public string Text { get; }
}
