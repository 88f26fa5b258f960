using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Cli.Scenarios;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
using MemKata.Scenarios.Summaries;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata tour [--scenario NAME] [--list] [--format rich|text|html [--output FILE] [--lang en|zh-CN]]</c>: walks through every built-in scenario
/// in order, then shows the "malloc 8 GiB on a 4 GiB machine" table.</summary>
internal static class TourCommand
{
    /// <summary>Shown after the command's help: examples and exit codes.</summary>
    public const string HelpSection =
        "Examples:\n" +
        "  memkata tour                                        every stop, then the malloc(8 GiB) table\n" +
        "  memkata tour --list                                 the stops and their titles\n" +
        "  memkata tour --scenario 05-full-machine-kswapd-then-direct-reclaim\n" +
        "  memkata tour --allocate-only                        skip touching the malloc(8 GiB) blocks (about a second faster)\n" +
        "  memkata tour --format text > tour.txt               plain text, the same on every run\n" +
        "  memkata tour --format html --output tour.html --lang zh-CN   the illustrated tour, in Simplified Chinese\n\n" +
        "Exit codes:\n" +
        "  0    the tour ran\n" +
        "  2    bad options, or an unknown --scenario name (the message lists the names)";

    private const string Description =
        "A guided tour of process memory: runs every built-in scenario (heap growth, mmap, free, demand paging, kswapd " +
        "and direct reclaim, writeback, swap, the OOM killer, malloc(8 GiB) on 4 GiB) and explains what each shows, " +
        "with its key numbers and a picture of RAM and swap.";

    /// <summary>Builds the command; its action writes to <paramref name="context"/>'s streams.</summary>
    public static Command Create(CliContext context)
    {
        var scenarioOption = new Option<string?>("--scenario")
        {
            Description = "Show only the stop NAME, e.g. --scenario 01-malloc-1-grows-the-heap (see --list).",
            HelpName = "NAME",
        };
        var listOption = new Option<bool>("--list") { Description = "List the stops (the built-in scenarios) and stop." };
        var allocateOnlyOption = new Option<bool>("--allocate-only")
        {
            Description = "Leave the malloc(8 GiB) table's 'touched' column empty for the variants that only allocate, " +
                "instead of running each again with a write to every page (two million simulated faults each).",
        };
        var formatOption = ReportFormatOption.Create(context);
        var html = new HtmlOutputOptions();
        var command = new Command("tour", Description) { scenarioOption, listOption, allocateOnlyOption, formatOption };
        html.AddTo(command, formatOption);
        command.SetAction(parse => parse.GetValue(listOption)
            ? List(context)
            : parse.GetValue(formatOption) == HtmlOutputOptions.Html
            ? Html(context, parse.GetValue(scenarioOption), !parse.GetValue(allocateOnlyOption), parse.GetValue(html.Output)!, parse.GetValue(html.Language)!)
            : Run(context, parse.GetValue(scenarioOption), !parse.GetValue(allocateOnlyOption), parse.GetValue(formatOption) ?? ReportFormatOption.Text));
        return command;
    }

    private static int List(CliContext context)
    {
        var names = BuiltInScenarios.Names;
        var width = names.Max(n => n.Length) + 2;
        for (var i = 0; i < names.Count; i++)
        {
            context.Out.WriteLine($"{i + 1,2}. {names[i].PadRight(width)}{BuiltInScenarios.Load(names[i]).Name}");
        }

        context.Out.Flush();
        return ExitCodes.Success;
    }

    // The illustrated tour: each stop is recorded (a picture of the machine between steps); an 8 GiB variant that only
    // allocates is run once more, as in the text tour, for the table's "touched" column.
    private static int Html(CliContext context, string? only, bool touch, string output, string language)
    {
        IReadOnlyList<string> stops;
        try
        {
            stops = only is null ? BuiltInScenarios.Names : [ScenarioSource.BuiltIn(only).Name];
            HtmlOutputOptions.Check(output);
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }

        var films = stops.Select(ScenarioFilm.BuiltIn).ToList();
        var variants = only is not null ? [] : stops.Where(n => n.StartsWith(EightGibRow.Prefix, StringComparison.Ordinal))
            .Select(n => EightGibRow.From(n, ScenarioRunner.Run(BuiltInScenarios.Load(n)), touch)).ToList();
        HtmlOutputOptions.Write(context, output, HtmlReports.Tour(films, variants, ReportLanguage.Load(language)));
        return ExitCodes.Success;
    }

    private static int Run(CliContext context, string? only, bool touch, string format)
    {
        var names = BuiltInScenarios.Names;
        IReadOnlyList<string> stops;
        try
        {
            stops = only is null ? names : [ScenarioSource.BuiltIn(only).Name];
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }

        var plain = format == ReportFormatOption.Text;
        var console = ConsoleFactory.Create(context.Out, context.UseColor && !plain);
        if (plain)
        {
            console.Profile.Width = ConsoleFactory.RedirectedWidth;
        }

        var renderer = new TourRenderer(console, plain);
        if (only is null)
        {
            renderer.Introduce(stops.Count);
        }

        var variants = new List<EightGibRow>();
        foreach (var name in stops)
        {
            var result = ScenarioRunner.Run(BuiltInScenarios.Load(name));
            renderer.Stop(names.ToList().IndexOf(name) + 1, names.Count, name, result);
            if (name.StartsWith(EightGibRow.Prefix, StringComparison.Ordinal))
            {
                variants.Add(EightGibRow.From(name, result, touch));
            }
        }

        if (only is null && variants.Count > 0)
        {
            renderer.EightGibTable(variants);
        }

        return ExitCodes.Success;
    }
}
