using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>Builds the Spectre.Console console that renders onto a command's standard output.</summary>
internal static class ConsoleFactory
{
    // A pipe or file has no width; wide enough that an strace line is never wrapped.
    /// <summary>The width of a pipe or file, and of the text format everywhere.</summary>
    public const int RedirectedWidth = 160;

    /// <summary>A console over <paramref name="writer"/>: ANSI colors only when <paramref name="useColor"/>, never any
    /// cursor movement or interaction, so that redirected output is plain text.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool useColor)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = useColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = useColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>A console for live displays (the class-mode progress bar): only for a real terminal.</summary>
    public static IAnsiConsole CreateInteractive(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
}
