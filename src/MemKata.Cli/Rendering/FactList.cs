using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>A list of named facts, one per line with the names in a column (<c>Peak heap   135168 bytes</c>), written
/// without the trailing padding a Spectre grid leaves, so that redirected output diffs cleanly.</summary>
internal static class FactList
{
    private const int Gap = 3;

    /// <summary>Writes <paramref name="facts"/> to <paramref name="console"/>; names and values are plain text.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<(string Name, string Value)> facts)
    {
        var width = facts.Max(fact => fact.Name.Length) + Gap;
        foreach (var (name, value) in facts)
        {
            console.MarkupLine($"[bold]{Markup.Escape(name)}[/]{new string(' ', width - name.Length)}{Markup.Escape(value)}");
        }
    }
}
