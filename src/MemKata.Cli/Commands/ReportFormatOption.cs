using System.CommandLine;

namespace MemKata.Cli.Commands;

/// <summary>The <c>--format rich|text|html</c> option of <c>scenario run</c> and <c>tour</c>: Spectre tables and colored
/// pictures for a terminal, or plain text that is byte-identical from run to run (the default when standard output is
/// not a colour terminal: a pipe, a file, <c>NO_COLOR</c>).</summary>
internal static class ReportFormatOption
{
    /// <summary>Tables, colors and pictures, for reading on a terminal.</summary>
    public const string Rich = "rich";

    /// <summary>Plain deterministic text, for files, diffs and snapshots.</summary>
    public const string Text = "text";

    /// <summary>Creates the option; without it, <see cref="Rich"/> when <paramref name="context"/> writes to a colour
    /// terminal, else <see cref="Text"/>.</summary>
    public static Option<string> Create(CliContext context)
    {
        var option = new Option<string>("--format")
        {
            Description =
                "'rich': tables, colors and memory pictures for a terminal; 'text': plain text, identical byte for byte " +
                "on every run, for files and diffs; 'html': an illustrated page written to --output FILE. Default: " +
                "rich on a colour terminal, text when the output is redirected or NO_COLOR is set.",
            DefaultValueFactory = _ => context.UseColor ? Rich : Text,
            HelpName = "rich|text|html",
        };
        option.AcceptOnlyFromAmong(Rich, Text, HtmlOutputOptions.Html);
        return option;
    }
}
