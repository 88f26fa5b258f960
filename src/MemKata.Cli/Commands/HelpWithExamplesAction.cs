using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace MemKata.Cli.Commands;

/// <summary>The <c>--help</c> action: System.CommandLine's help, followed by the command's examples and notes
/// (System.CommandLine repeats a description in every command list, so the long text lives here instead).</summary>
internal sealed class HelpWithExamplesAction(HelpAction help, IReadOnlyDictionary<Command, string> sections)
    : SynchronousCommandLineAction
{
    private readonly HelpAction _help = help;
    private readonly IReadOnlyDictionary<Command, string> _sections = sections;

    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <summary>Installs the action on <paramref name="root"/>'s help option, with <paramref name="sections"/> giving
    /// each command the text to show after its help.</summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, string> sections)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new HelpWithExamplesAction((HelpAction)option.Action!, sections);
    }

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = _help.Invoke(parseResult);
        if (_sections.TryGetValue(parseResult.CommandResult.Command, out var section))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(section.TrimEnd());
            output.WriteLine();
        }

        return exitCode;
    }
}
