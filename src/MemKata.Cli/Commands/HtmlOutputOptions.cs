using System.CommandLine;
using MemKata.Engine.Input;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Text;

namespace MemKata.Cli.Commands;

/// <summary>The <c>--output FILE</c> and <c>--lang en|zh-CN</c> options that go with <c>--format html</c>: where the
/// illustrated report (MemKata.Reports.Html) is written, and in which language. The page itself is made by the
/// library; this only checks the options and writes the file.</summary>
internal sealed class HtmlOutputOptions
{
    /// <summary>The value of <c>--format</c> that asks for the HTML report.</summary>
    public const string Html = "html";

    /// <summary>Creates the two options.</summary>
    public HtmlOutputOptions()
    {
        Output = new Option<string?>("--output", "-o")
        {
            Description = "With --format html: the file to write the report to, e.g. --output report.html (one self-contained page: " +
                "inline pictures, no script, nothing loaded from the network).",
            HelpName = "FILE",
        };
        Language = new Option<string>("--lang")
        {
            Description = "With --format html: the report's language, 'en' (default) or 'zh-CN' (Simplified Chinese).",
            DefaultValueFactory = _ => ReportLanguage.English,
            HelpName = "en|zh-CN",
        };
        Language.AcceptOnlyFromAmong([.. ReportLanguage.Codes]);
    }

    /// <summary><c>--output FILE</c>.</summary>
    public Option<string?> Output { get; }

    /// <summary><c>--lang</c>.</summary>
    public Option<string> Language { get; }

    /// <summary>Adds both options to <paramref name="command"/>, and a check that <c>--format html</c> has an
    /// <c>--output</c> and that the two are not given without it.</summary>
    public void AddTo(Command command, Option<string> format)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Output);
        command.Options.Add(Language);
        command.Validators.Add(result =>
        {
            var html = result.GetValue(format) == Html;
            if (html && result.GetValue(Output) is null)
            {
                result.AddError("--format html writes a file: give it with --output FILE, e.g. --output report.html.");
            }
            else if (!html && (result.GetResult(Output) is not null || result.GetResult(Language) is not null))
            {
                result.AddError("--output and --lang go with --format html.");
            }
        });
    }

    /// <summary>Checks, before any work, that the report can be written to <paramref name="path"/>; a problem is
    /// reported as a user error (exit 2) by the caller.</summary>
    public static void Check(string path) => OutputPath.CheckFile(path, "write the report to");

    /// <summary>Writes <paramref name="html"/> to <paramref name="path"/> and says so on <paramref name="context"/>'s
    /// output.</summary>
    public static void Write(CliContext context, string path, string html)
    {
        ArgumentNullException.ThrowIfNull(context);
        HtmlFile.Write(path, html);
        context.Out.WriteLine($"memkata: wrote the report to {InputText.Escape(path)} ({html.Length / 1024} KiB)");
        context.Out.Flush();
    }
}
